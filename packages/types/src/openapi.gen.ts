// This file is generated from spec/alipay.marketing.voucher.send.yaml by packages/types/scripts/generate.ts.
// Do not edit it by hand: change the spec, then run `pnpm --filter @aopkit/types generate`.

export interface paths {
    "/gateway.do": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Send a voucher (发券), every parameter in the query
         * @description The gateway serves `GET /gateway.do` with every parameter, `biz_content` included, in the query (a public capture of the real gateway). aopkit never sends it; it is here because the gateway answers it, so a validating proxy must let it through.
         */
        get: operations["alipayMarketingVoucherSendByGet"];
        put?: never;
        /**
         * Send a voucher (发券)
         * @description Issues one voucher of template `template_id` to the user named by `user_id`, `login_id` or `taobao_nick` (at least one; the first present in that order wins). `template_id` + `out_biz_no` identify the business operation: resending the identical request after a timeout, a 20000 or a `SYSTEM_ERROR` returns the first voucher instead of issuing a second one.
         */
        post: operations["alipayMarketingVoucherSend"];
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
        /**
         * @description Every common request parameter (公共请求参数) the gateway reads for a call, whether it came in the query or in the form body. All of them except `sign` are signed. A GET takes this object whole as its query; a POST's query parameters and form fields reference its properties, so this object is the one place their rules live.
         */
        CommonRequestParams: {
            /**
             * The application id Alipay assigned to the developer (支付宝分配给开发者的应用ID). Max 32 characters.
             * @example 2014072300007148
             */
            app_id: string;
            /**
             * The operation name (接口名称). Max 128 characters.
             * @example alipay.marketing.voucher.send
             * @enum {string}
             */
            method: "alipay.marketing.voucher.send";
            /**
             * The data format; only JSON is supported (仅支持JSON). The gateway takes it in any case: the Java SDK sends json, aopkit JSON (x-aopkit-sends), the Node SDK none. Signed as sent. Max 40 characters.
             * @example JSON
             * @enum {string}
             */
            format?: "JSON" | "json";
            /**
             * The encoding of the request (请求使用的编码格式). The signed string is encoded to bytes in this charset, and the form body is sent in it. The gateway takes it in either case (the Java SDK sends UTF-8, aopkit and the Node SDK utf-8, x-aopkit-sends) and signs it as sent: a request that says UTF-8 signs charset=UTF-8. Max 10 characters.
             * @example utf-8
             * @enum {string}
             */
            charset: "utf-8" | "gbk" | "gb2312" | "UTF-8" | "GBK" | "GB2312";
            /**
             * The signature algorithm: RSA2 (SHA256withRSA, recommended) or RSA (SHA1withRSA, legacy), both PKCS#1 v1.5 with 2048-bit keys. Max 10 characters.
             * @example RSA2
             * @enum {string}
             */
            sign_type: "RSA2" | "RSA";
            /**
             * The standard-base64 signature of the request (商户请求参数的签名串) over every other non-empty parameter, sorted by key and joined as key=value with &, unencoded. The reference page says 256, but an RSA-2048 signature is 256 bytes, i.e. 344 base64 characters (342 and ==), so 344 is the limit. Max 344 characters. Pattern: `^[A-Za-z0-9+/]{342}==$`.
             */
            sign: string;
            /**
             * The time the request was sent, in Beijing time (UTC+8) whatever the host's time zone, formatted yyyy-MM-dd HH:mm:ss (发送请求的时间). Max 19 characters. Pattern: `^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$`.
             * @example 2014-07-24 03:07:50
             */
            timestamp: string;
            /**
             * The operation version, always 1.0 (调用的接口版本,固定为:1.0). Max 3 characters.
             * @example 1.0
             * @enum {string}
             */
            version: "1.0";
            /**
             * The app authorization token of the merchant the call is made for (应用授权令牌), for calls on a merchant's behalf. Accepted in the query or the form body. Max 40 characters.
             */
            app_auth_token?: string;
            /**
             * Certificate mode (公钥证书模式): the SN of the application's public-key certificate, lowercase hex MD5 of its issuer DN (RFC 2253) and decimal serial number. Max 32 characters. Pattern: `^[0-9a-f]{32}$`.
             * @example 50fa7bc5dc305a4fbdbe166689ddc827
             */
            app_cert_sn?: string;
            /**
             * Certificate mode (公钥证书模式): the SNs of the RSA certificates of Alipay's root bundle, in file order, joined with _. Pattern: `^[0-9a-f]{32}(_[0-9a-f]{32})*$`.
             * @example 687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6
             */
            alipay_root_cert_sn?: string;
            /**
             * Content encryption: AES means biz_content carries the base64 AES-128-CBC ciphertext of the business parameters (and the response node comes back encrypted).
             * @example AES
             * @enum {string}
             */
            encrypt_type?: "AES";
            /**
             * The URL Alipay calls for asynchronous notifications (异步通知地址). This operation sends none; like any parameter it is signed when present. The Java SDK sends it in the query.
             */
            notify_url?: string;
            /**
             * The page a browser returns to after a page-based call (同步返回地址). Unused by this operation; signed when present.
             */
            return_url?: string;
            /**
             * A user's authorization token (用户授权令牌), for calls made on a user's behalf. A bad or expired one is answered with aop.invalid-auth-token or aop.auth-token-time-out. Signed when present.
             */
            auth_token?: string;
            /**
             * The name and version of the SDK that made the call, such as alipay-sdk-java-4.38.0.ALL (informational). The Java SDK always sends it; signed like any parameter.
             */
            alipay_sdk?: string;
            /**
             * The product code (销售产品码) of the contract the call is made under, when the merchant's contract requires it. Signed when present.
             */
            prod_code?: string;
            /**
             * The business parameters as JSON text (请求参数的集合), no length limit; sent in the form body.
             * @example {"template_id":"20140601000730010040000000EB","user_id":"2088302001456115","out_biz_no":"2016122814164328aadaee_1aee_4"}
             */
            biz_content: string;
        };
        /**
         * @description The form body of a POST. Any common parameter may come here instead of in the query; aopkit and the Java SDK send biz_content and app_auth_token here, everything else in the query.
         */
        GatewayForm: {
            biz_content?: components["schemas"]["CommonRequestParams"]["biz_content"];
            app_auth_token?: components["schemas"]["CommonRequestParams"]["app_auth_token"];
            app_id?: components["schemas"]["CommonRequestParams"]["app_id"];
            method?: components["schemas"]["CommonRequestParams"]["method"];
            format?: components["schemas"]["CommonRequestParams"]["format"];
            charset?: components["schemas"]["CommonRequestParams"]["charset"];
            sign_type?: components["schemas"]["CommonRequestParams"]["sign_type"];
            sign?: components["schemas"]["CommonRequestParams"]["sign"];
            timestamp?: components["schemas"]["CommonRequestParams"]["timestamp"];
            version?: components["schemas"]["CommonRequestParams"]["version"];
            app_cert_sn?: components["schemas"]["CommonRequestParams"]["app_cert_sn"];
            alipay_root_cert_sn?: components["schemas"]["CommonRequestParams"]["alipay_root_cert_sn"];
            encrypt_type?: components["schemas"]["CommonRequestParams"]["encrypt_type"];
            notify_url?: components["schemas"]["CommonRequestParams"]["notify_url"];
            return_url?: components["schemas"]["CommonRequestParams"]["return_url"];
            auth_token?: components["schemas"]["CommonRequestParams"]["auth_token"];
            alipay_sdk?: components["schemas"]["CommonRequestParams"]["alipay_sdk"];
            prod_code?: components["schemas"]["CommonRequestParams"]["prod_code"];
        };
        /**
         * @description The business parameters of alipay.marketing.voucher.send, sent as the JSON text of biz_content. At least one of user_id, login_id, taobao_nick is required; when several are given the first in that order wins (x-identity-priority). Every maxLength counts UTF-16 code units, as the gateway's Java String.length() does (an emoji counts 2), not code points as JSON Schema would (x-length-unit).
         * @example {
         *       "template_id": "20140601000730010040000000EB",
         *       "login_id": "13196215350",
         *       "taobao_nick": "yue54333",
         *       "user_id": "2088302001456115",
         *       "out_biz_no": "2016122814164328aadaee_1aee_4",
         *       "amount": "9.99",
         *       "memo": "优酷3个月兑换券"
         *     }
         * @example {
         *       "template_id": "20140601000730010040000000EB",
         *       "user_id": "2088302001456115",
         *       "out_biz_no": "campaign-2024-0001"
         *     }
         */
        VoucherSendBizContent: VoucherSendBizContentFields & VoucherSendBizContentAtLeastOne;
        /**
         * @description The voucher amount in yuan with exactly two decimals, #.00 (券金额, 单位为元). Only for red-packet (红包) templates; must be absent otherwise. Sent as a JSON string ("9.99"); the reference page's Java sample writes a bare number. Max 10 characters. Pattern: `^(0|[1-9]\d*)\.\d{2}$`.
         * @example 9.99
         */
        Price: string;
        /**
         * @description The gateway result code (网关返回码); x-result-codes describes each one.
         * @enum {string}
         */
        ResultCode: "10000" | "20000" | "20001" | "40001" | "40002" | "40004" | "40006";
        /**
         * @description The detailed result code (明细返回码). x-sub-codes lists the public ones the gateway uses and this operation's business ones (code 40004); the gateway may send others.
         */
        SubCode: string;
        /**
         * @description A gateway-level failure under error_response, as the SDKs still expect it; public captures of the real gateway show errors before any app is known (isv.invalid-app-id) under the method's node instead. It may come unsigned.
         */
        ErrorResponse: {
            /**
             * The gateway result code (网关返回码); x-result-codes describes each one.
             */
            code: components["schemas"]["ResultCode"];
            /**
             * The result code's English description (网关返回码描述).
             * @example Invalid Arguments
             */
            msg: string;
            /**
             * The detailed result code (明细返回码). x-sub-codes lists the public ones the gateway uses and this operation's business ones (code 40004); the gateway may send others.
             */
            sub_code?: components["schemas"]["SubCode"];
            /**
             * The detailed result's Chinese description (业务返回码描述).
             * @example 无效的AppID参数
             */
            sub_msg?: string;
        };
        /**
         * @description With encrypt_type=AES, the operation's node as a JSON string: the standard-base64 AES-128-CBC ciphertext (zero IV, PKCS#7 padding) of the VoucherSendResponse JSON text, in the request's charset. The response signature covers the string with its quotes. Pattern: `^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$`.
         */
        EncryptedResponseNode: string;
        /**
         * @description The operation's response node. With code 10000 it carries voucher_id and user_id; otherwise sub_code and sub_msg say what failed. With encrypt_type=AES the node arrives as a base64 JSON string and this schema applies to its decrypted text.
         */
        VoucherSendResponse: {
            /**
             * The gateway result code (网关返回码); x-result-codes describes each one.
             */
            code: components["schemas"]["ResultCode"];
            /**
             * The result code's English description (网关返回码描述).
             * @example Success
             */
            msg: string;
            /**
             * The detailed result code (明细返回码). x-sub-codes lists the public ones the gateway uses and this operation's business ones (code 40004); the gateway may send others.
             */
            sub_code?: components["schemas"]["SubCode"];
            /**
             * The detailed result's Chinese description (业务返回码描述).
             * @example 模板不存在
             */
            sub_msg?: string;
            /**
             * The id of the voucher sent (券ID); present on success. Max 28 characters.
             * @example 20160906000730020020002U8CBS
             */
            voucher_id?: string;
            /**
             * The Alipay user id the voucher was sent to (支付宝用户ID); present on success. Max 16 characters.
             * @example 2088302001456115
             */
            user_id?: string;
        };
        /**
         * @description The JSON envelope of every answer: the operation's node (alipay_marketing_voucher_send_response) or a gateway error (error_response), and the signature over the node's raw text. A success must be signed; some gateway errors come unsigned. With encrypt_type=AES the operation's node is a string (EncryptedResponseNode), always signed.
         */
        VoucherSendResponseBody: ({
            alipay_marketing_voucher_send_response?: components["schemas"]["VoucherSendResponse"] | components["schemas"]["EncryptedResponseNode"];
            /**
             * A gateway-level failure under error_response, as the SDKs still expect it; public captures of the real gateway show errors before any app is known (isv.invalid-app-id) under the method's node instead. It may come unsigned.
             */
            error_response?: components["schemas"]["ErrorResponse"];
            /**
             * The standard-base64 RSA-2048 signature (256 bytes, 344 characters), with the Alipay private key, of the exact raw text of the response node as bytes in the request's charset. Max 344 characters. Pattern: `^[A-Za-z0-9+/]{342}==$`.
             */
            sign?: string;
            /**
             * Certificate mode (公钥证书模式) - the SN of the Alipay public-key certificate that signed: lower-case hex MD5 of its issuer DN and serial number. Max 32 characters. Pattern: `^[0-9a-f]{32}$`.
             */
            alipay_cert_sn?: string;
        } & (unknown & unknown)) & ({
            alipay_marketing_voucher_send_response: components["schemas"]["VoucherSendResponse"] | components["schemas"]["EncryptedResponseNode"];
        } | {
            error_response: components["schemas"]["ErrorResponse"];
        });
    };
    responses: {
        /**
         * @description Every gateway answer, success or failure, comes with HTTP 200 and this JSON envelope, served as `text/html;charset=<charset>` (the request's charset), as the real gateway serves it. Each example's `sign` is a real signature by the published demo Alipay key of the fake gateway (never Alipay's), written by packages/spec-checks/scripts/signExamples.ts.
         */
        GatewayAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/html": string;
            };
        };
    };
    parameters: {
        app_id: components["schemas"]["CommonRequestParams"]["app_id"];
        method: components["schemas"]["CommonRequestParams"]["method"];
        format: components["schemas"]["CommonRequestParams"]["format"];
        charset: components["schemas"]["CommonRequestParams"]["charset"];
        sign_type: components["schemas"]["CommonRequestParams"]["sign_type"];
        sign: components["schemas"]["CommonRequestParams"]["sign"];
        timestamp: components["schemas"]["CommonRequestParams"]["timestamp"];
        version: components["schemas"]["CommonRequestParams"]["version"];
        app_auth_token: components["schemas"]["CommonRequestParams"]["app_auth_token"];
        app_cert_sn: components["schemas"]["CommonRequestParams"]["app_cert_sn"];
        alipay_root_cert_sn: components["schemas"]["CommonRequestParams"]["alipay_root_cert_sn"];
        encrypt_type: components["schemas"]["CommonRequestParams"]["encrypt_type"];
        notify_url: components["schemas"]["CommonRequestParams"]["notify_url"];
        return_url: components["schemas"]["CommonRequestParams"]["return_url"];
        auth_token: components["schemas"]["CommonRequestParams"]["auth_token"];
        alipay_sdk: components["schemas"]["CommonRequestParams"]["alipay_sdk"];
        prod_code: components["schemas"]["CommonRequestParams"]["prod_code"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    alipayMarketingVoucherSendByGet: {
        parameters: {
            query: {
                /**
                 * @description Every parameter of the call, each as its own query parameter (form style, exploded).
                 */
                params: components["schemas"]["CommonRequestParams"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GatewayAnswer"];
        };
    };
    alipayMarketingVoucherSend: {
        parameters: {
            query?: {
                app_id?: components["parameters"]["app_id"];
                method?: components["parameters"]["method"];
                format?: components["parameters"]["format"];
                charset?: components["parameters"]["charset"];
                sign_type?: components["parameters"]["sign_type"];
                sign?: components["parameters"]["sign"];
                timestamp?: components["parameters"]["timestamp"];
                version?: components["parameters"]["version"];
                app_auth_token?: components["parameters"]["app_auth_token"];
                app_cert_sn?: components["parameters"]["app_cert_sn"];
                alipay_root_cert_sn?: components["parameters"]["alipay_root_cert_sn"];
                encrypt_type?: components["parameters"]["encrypt_type"];
                notify_url?: components["parameters"]["notify_url"];
                return_url?: components["parameters"]["return_url"];
                auth_token?: components["parameters"]["auth_token"];
                alipay_sdk?: components["parameters"]["alipay_sdk"];
                prod_code?: components["parameters"]["prod_code"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Sent as `application/x-www-form-urlencoded;charset=<charset>`, with the request's `charset`. Every common parameter may come here instead of in the query: the Java SDK and aopkit send `biz_content` and `app_auth_token` here, the Node SDK `biz_content` only. The query and the form together must hold every parameter CommonRequestParams requires, which OpenAPI cannot say of two places; the GET operation, where everything is in the query, says it.
         */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["GatewayForm"];
            };
        };
        responses: {
            200: components["responses"]["GatewayAnswer"];
        };
    };
}
/**
 * Every property of VoucherSendBizContent, user_id, login_id, taobao_nick optional; VoucherSendBizContent adds that at least one is present.
 */
export type VoucherSendBizContentFields = {
    /**
     * The voucher template id (券模板ID). Max 28 characters.
     * @example 20140601000730010040000000EB
     */
    template_id: string;
    /**
     * The Alipay user id (支付宝用户ID, 2088…). One of user_id, login_id, taobao_nick is required; user_id has the highest priority. Max 16 characters.
     * @example 2088302001456115
     */
    user_id?: string;
    /**
     * The Alipay login id, a phone number or an e-mail address (支付宝登录ID). One of user_id, login_id, taobao_nick is required; login_id has the second priority. Max 128 characters.
     * @example 13196215350
     */
    login_id?: string;
    /**
     * The Taobao nickname (淘宝昵称). One of user_id, login_id, taobao_nick is required; taobao_nick has the lowest priority. Max 128 characters.
     * @example yue54333
     */
    taobao_nick?: string;
    /**
     * The merchant's business number, the idempotency key (外部业务订单号): the same template_id and out_biz_no are the same business operation. Max 64 characters.
     * @example 2016122814164328aadaee_1aee_4
     */
    out_biz_no: string;
    /**
     * The voucher amount in yuan with exactly two decimals, #.00 (券金额, 单位为元). Only for red-packet (红包) templates; must be absent otherwise. Sent as a JSON string ("9.99"); the reference page's Java sample writes a bare number. Max 10 characters. Pattern: `^(0|[1-9]\d*)\.\d{2}$`.
     */
    amount?: components["schemas"]["Price"];
    /**
     * A free-text note on the voucher (发券备注). Max 128 characters.
     * @example 优酷3个月兑换券
     */
    memo?: string;
};
/**
 * At least one of user_id, login_id, taobao_nick, by priority: each branch is "this field present, none before it".
 * Written lowest priority first, so that a literal with none of them is told the first is missing.
 */
export type VoucherSendBizContentAtLeastOne = {
    user_id?: undefined;
    login_id?: undefined;
    taobao_nick: string;
} | {
    user_id?: undefined;
    login_id: string;
} | {
    user_id: string;
};
