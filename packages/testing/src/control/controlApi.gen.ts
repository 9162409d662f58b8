// This file is generated from spec/aopkit-fake-control.yaml by packages/testing/scripts/generate.ts.
// Do not edit it by hand: change the spec, then run `pnpm --filter @aopkit/testing generate`.

export interface paths {
    "/__aopkit/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the fake is up
         * @description Answers as soon as the server listens; also gives the fake Alipay public key.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the fake
         * @description Back to the state after start: fixtures re-applied, the seeded random faults re-seeded, vouchers, request log and scripted outcomes cleared. Apps registered since start stay. A gateway request still in flight never writes into the state that follows. Takes no body.
         */
        post: operations["reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/idle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wait until no gateway request is in flight
         * @description Answers once every gateway request that has arrived has been answered (or dropped), for example a request held back by a latency fault. Call it before reading `/__aopkit/vouchers` when a request may still be running. Takes no body.
         */
        post: operations["waitIdle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/next-call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Script the outcome of the next authenticated call
         * @description Queues one outcome (first in, first out) for the next gateway request that passes authentication and the common-parameter checks; it takes precedence over the seeded random faults. The shapes are those of `gateway.nextCall()`. A shape the fake does not know (an unknown `sub_code`, an unknown `drop`, a negative latency, an unknown key, an empty object) is refused at once with 400 and the known values, so a typo never turns into a passing test.
         */
        post: operations["scriptNextCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the templates */
        get: operations["listTemplates"];
        put?: never;
        /**
         * Add or replace a template
         * @description As `gateway.addTemplate()`; a template with the same `template_id` is replaced.
         */
        post: operations["addTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/templates/{template_id}/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Expire a template
         * @description Later sends with it get `40004 TEMPLATE_EXPIRED`. Takes no body.
         */
        post: operations["expireTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the users */
        get: operations["listUsers"];
        put?: never;
        /**
         * Add or replace a user
         * @description As `gateway.addUser()`; a user with the same `user_id` is replaced (its old `login_id` and `taobao_nick` stop reaching it).
         */
        post: operations["addUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/users/{user_id}/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Freeze a user
         * @description Later sends to this user get `40004 USER_FROZEN`. Takes no body.
         */
        post: operations["freezeUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register an app
         * @description As `gateway.registerApp()`: with `publicKey` (or `appCert`) the app signs with the matching private key you hold; with neither, the fake generates a key pair and answers with its `privateKey` (a fake test key). Without `appId` the fake picks one. Registered apps survive a reset.
         */
        post: operations["registerApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/vouchers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the issued vouchers */
        get: operations["listVouchers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the gateway requests seen
         * @description The request log since the last reset, in arrival order. The credentials `app_auth_token` and `auth_token` are `[redacted]`.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/requests/{seq}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One gateway request in detail
         * @description The log entry of request `seq`, with what the console shows of it: the canonical string the fake verified the signature over (built from the parameters as received; absent when the request was refused before the signature check) and the text of the answer sent (absent when the connection was dropped). The credentials `app_auth_token` and `auth_token` are `[redacted]` in all three.
         */
        get: operations["getRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the seeded random fault settings
         * @description The settings the seeded random faults follow now (the `faults` option, or what `PUT` set since the last reset), and how many scripted outcomes wait for the next calls.
         */
        get: operations["getFaults"];
        /**
         * Change the seeded random fault settings
         * @description Replaces the settings, checked as the `faults` option of `createFakeGateway()` is (an unknown field or kind, a rate outside 0..1, a negative weight or latency is refused with 400, `ERR_FAKE_CONFIG`, naming the field). They last until the next reset, which restores the settings the fake started with. The random draws go on from where they were.
         */
        put: operations["setFaults"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the fake's changes as server-sent events
         * @description A `text/event-stream` that stays open: one `data:` line of JSON per event, a `GatewayEvent`. A request logged (its entry), the state changed (templates, users, the script, the fault settings), or the fake reset. Lines starting with `:` are keep-alive comments. The console follows it; `EventSource` reconnects by itself.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__aopkit/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The console, a page to see and steer the fake in a browser
         * @description One HTML page, served from the package itself (no CDN, no web font): the requests live, one request in detail, the vouchers, templates and users with their actions, the faults. Everything it does goes through this API.
         */
        get: operations["getConsole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @description A stable machine-readable code: `ERR_CONTROL_*` for the control API's own errors, otherwise the code of the fake's error (such as `ERR_FAKE_SCRIPT`). */
                code: string;
                /** @description What is wrong and how to fix it; never holds a key or a token. */
                message: string;
            };
        };
        Done: {
            /** @constant */
            ok: true;
        };
        Health: {
            /** @constant */
            ok: true;
            /** @description The fake Alipay public key (PEM SPKI) that verifies the gateway's answers. */
            alipayPublicKey: string;
        };
        /** @description One scripted outcome, one of four shapes. A `sub_code` the fake knows, with its own code and messages; `drop` the connection before processing or after a voucher is issued; only a delay; or an explicit result for codes the fake's tables do not know. `latencyMs` delays any of them. */
        ScriptedOutcome: components["schemas"]["SubCodeOutcome"] | components["schemas"]["DropOutcome"] | components["schemas"]["LatencyOutcome"] | components["schemas"]["ExplicitOutcome"];
        SubCodeOutcome: {
            /** @description A sub code of the gateway's tables, such as `SYSTEM_ERROR` or `TEMPLATE_EXPIRED`. */
            sub_code: string;
            /** @description Replaces the table's `sub_msg`. */
            sub_msg?: string;
            latencyMs?: components["schemas"]["LatencyMs"];
        };
        DropOutcome: {
            /**
             * @description `before`: the connection is closed with no answer and nothing happens; `after-issue`: the request is processed (a voucher issued, if valid), then the connection is closed with no answer.
             * @enum {string}
             */
            drop: "before" | "after-issue";
            latencyMs?: components["schemas"]["LatencyMs"];
        };
        LatencyOutcome: {
            latencyMs: components["schemas"]["LatencyMs"];
        };
        ExplicitOutcome: {
            /** @description A result code, digits only, such as `40004`. */
            code: string;
            msg: string;
            sub_code?: string;
            sub_msg?: string;
            latencyMs?: components["schemas"]["LatencyMs"];
        };
        /** @description Milliseconds to hold the answer back. */
        LatencyMs: number;
        Scripted: {
            /** @constant */
            ok: true;
            scripted: components["schemas"]["ScriptedOutcome"];
        };
        Template: {
            template_id: string;
            /**
             * @description `voucher` (the default) or `red_packet` (sends must then carry `amount`).
             * @enum {string}
             */
            type?: "voucher" | "red_packet";
            expired?: boolean;
        };
        /** @description A template as the fake holds it, defaults filled in. */
        HeldTemplate: {
            template_id: string;
            /** @enum {string} */
            type: "voucher" | "red_packet";
            expired: boolean;
        };
        TemplateResult: {
            template: components["schemas"]["HeldTemplate"];
        };
        TemplateList: {
            templates: components["schemas"]["HeldTemplate"][];
        };
        User: {
            user_id: string;
            login_id?: string;
            taobao_nick?: string;
            frozen?: boolean;
        };
        /** @description A user as the fake holds it, `frozen` filled in. */
        HeldUser: {
            user_id: string;
            login_id?: string;
            taobao_nick?: string;
            frozen: boolean;
        };
        UserResult: {
            user: components["schemas"]["HeldUser"];
        };
        UserList: {
            users: components["schemas"]["HeldUser"][];
        };
        AppRegistration: {
            /** @description Default a fresh id the fake picks. */
            appId?: string;
            /** @description The app public key, SPKI or PKCS#1, PEM or bare base64. */
            publicKey?: string;
            /** @description Certificate mode instead of `publicKey`, the app's public-key certificate (PEM). */
            appCert?: string;
            /** @enum {string} */
            signType?: "RSA2" | "RSA";
            /** @description The app's AES-128 key (base64 of 16 bytes), or `true` to have the fake generate one. */
            encryptKey?: string | true;
        };
        RegisteredApp: {
            appId: string;
            /** @description PEM SPKI. */
            publicKey: string;
            /** @description PKCS#8 PEM, only when the fake generated the pair. A fake test key. */
            privateKey?: string;
            /** @enum {string} */
            signType: "RSA2" | "RSA";
            /** @description Certificate mode, the `app_cert_sn` requests must carry. */
            appCertSn?: string;
            /** @description The app's AES key (base64), when it has one. */
            encryptKey?: string;
        };
        Voucher: {
            voucher_id: string;
            template_id: string;
            out_biz_no: string;
            user_id: string;
            amount?: string;
            memo?: string;
            app_id: string;
            /** Format: date-time */
            issuedAt: string;
        };
        VoucherList: {
            vouchers: components["schemas"]["Voucher"][];
        };
        Verdict: {
            code: string;
            msg: string;
            sub_code?: string;
            sub_msg?: string;
        };
        /** @description One gateway request as the fake saw it; the fields of `gateway.requests`. */
        RequestLogEntry: {
            /** @description Order of arrival, from 1. */
            seq: number;
            /** Format: date-time */
            receivedAt: string;
            /** @description Absent while the request is still in flight. */
            durationMs?: number;
            /** @description Every parameter seen, query and body merged; tokens `[redacted]`. */
            params: {
                [key: string]: string;
            };
            /** @description The business content as read (decrypted for an AES request). */
            bizContent?: string;
            placement: {
                [key: string]: "query" | "body";
            };
            /** @enum {string} */
            charset: "utf-8" | "gbk" | "gb2312";
            app_id?: string;
            verdict?: components["schemas"]["Verdict"];
            /** @enum {string} */
            node?: "alipay_marketing_voucher_send_response" | "error_response";
            signed: boolean;
            encrypted: boolean;
            /** @enum {string} */
            fault?: "unknown-error" | "system-error" | "latency" | "drop-before" | "drop-after-issue";
            scripted: boolean;
            voucher_id?: string;
        };
        RequestList: {
            requests: components["schemas"]["RequestLogEntry"][];
        };
        RequestDetail: {
            request: components["schemas"]["RequestLogEntry"];
            /** @description The canonical string the signature was verified over, tokens `[redacted]`; absent when the request was refused before the signature check. */
            verifiedString?: string;
            /** @description The answer as sent; absent when the connection was dropped. */
            response?: {
                /** @description The body's text, tokens `[redacted]`. */
                text: string;
                /** @description Whether it carries a `sign`. */
                signed: boolean;
            };
        };
        /** @enum {string} */
        FaultKind: "unknown-error" | "system-error" | "latency" | "drop-before" | "drop-after-issue";
        /** @description The `faults` option of `createFakeGateway()`. */
        FaultOptions: {
            /** @description Probability 0..1 of a random fault per authenticated, well-formed request. */
            rate: number;
            /** @description Relative weights by kind; a kind left out never happens. Without it every kind weighs 1. */
            kinds?: {
                [key: string]: number;
            };
            latencyMs?: components["schemas"]["LatencyMs"];
        };
        FaultSettings: {
            rate: number;
            /** @description The weight of each kind that can happen (weights above 0 only). */
            kinds: {
                [key: string]: number;
            };
            latencyMs: number;
            /** @description How many scripted outcomes wait for the next calls. */
            scripted: number;
        };
        /** @description One event of `GET /__aopkit/events`. */
        GatewayEvent: {
            /** @constant */
            type: "request";
            request: components["schemas"]["RequestLogEntry"];
        } | {
            /** @constant */
            type: "state";
            /** @enum {string} */
            what: "templates" | "users" | "script" | "faults";
        } | {
            /** @constant */
            type: "reset";
        };
    };
    responses: {
        /** @description The body is not JSON, not an object, or not a shape the fake accepts; the message names the field and the accepted values. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such template or user (or no such control route). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The route exists but not with this method; the `allow` header lists the methods it takes. */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the route takes. */
                allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is larger than the server's limit (1 MiB unless configured). */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fake is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Done"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    waitIdle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Nothing in flight. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Done"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    scriptNextCall: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScriptedOutcome"];
            };
        };
        responses: {
            /** @description Queued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scripted"];
                };
            };
            400: components["responses"]["BadRequest"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["TooLarge"];
        };
    };
    listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every template, in the order they were added. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateList"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    addTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Template"];
            };
        };
        responses: {
            /** @description The template as the fake now holds it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
        };
    };
    expireTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template's `template_id`, percent-encoded. */
                template_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template, expired. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateResult"];
                };
            };
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every user, in the order they were added. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    addUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        responses: {
            /** @description The user as the fake now holds it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
        };
    };
    freezeUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's `user_id`, percent-encoded. */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user, frozen. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResult"];
                };
            };
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    registerApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppRegistration"];
            };
        };
        responses: {
            /** @description The app as registered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredApp"];
                };
            };
            400: components["responses"]["BadRequest"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["TooLarge"];
        };
    };
    listVouchers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every voucher issued since the last reset, in issue order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherList"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    listRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request log. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestList"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's `seq`, as the log lists it. */
                seq: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDetail"];
                };
            };
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultSettings"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    setFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultOptions"];
            };
        };
        responses: {
            /** @description The settings now in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    streamEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["GatewayEvent"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getConsole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
}
