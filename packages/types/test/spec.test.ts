import { createDecipheriv } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../scripts/generateFiles';
import { type JsonObject, segment } from '../scripts/specAccess';

const ROOT = 'urn:aopkit:spec';
const S = '#/components/schemas';
let spec: JsonObject;
let ajv: Ajv2020;

/** AES-128-CBC, zero IV (PROTOCOL §10), with the demo key the spec's encrypted example names. */
function decryptDemo(base64: string): string {
  const decipher = createDecipheriv(
    'aes-128-cbc',
    Buffer.from('aa4BtZ4tspm2wnXLb1ThQA==', 'base64'),
    Buffer.alloc(16),
  );
  return Buffer.concat([decipher.update(base64, 'base64'), decipher.final()]).toString('utf8');
}

/** Validates a value against the schema at a pointer of the spec; returns the error text, or '' when valid. */
function problems(pointer: string, value: unknown): string {
  const validate = ajv.getSchema(`${ROOT}${pointer}`) ?? ajv.compile({ $ref: `${ROOT}${pointer}` });
  return validate(value) ? '' : ajv.errorsText(validate.errors);
}

/** Every schema of components/schemas that carries `examples`, with its pointer. */
function schemasWithExamples(node: unknown, pointer: string): [string, unknown[]][] {
  if (typeof node !== 'object' || node === null) return [];
  const own: [string, unknown[]][] =
    !Array.isArray(node) && Array.isArray((node as JsonObject).examples)
      ? [[pointer, (node as JsonObject).examples as unknown[]]]
      : [];
  const children = Object.entries(node).filter(([key]) => key !== 'examples' && !key.startsWith('x-'));
  return [
    ...own,
    ...children.flatMap(([key, child]) => schemasWithExamples(child, `${pointer}/${segment(key)}`)),
  ];
}

/** The object a local `$ref` points to (or the object itself). */
function resolved<T extends object>(node: T): T {
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref !== 'string') return node;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (at, key) => (at as JsonObject)[key.replaceAll('~1', '/').replaceAll('~0', '~')],
      spec,
    ) as T;
}

/** The named examples of each media type of the operation, with the pointer of the media type's schema. */
function mediaTypeExamples(): [string, string, unknown][] {
  const post = (spec.paths as JsonObject)['/gateway.do'] as { post: JsonObject };
  const bodies = [
    (post.post.requestBody as JsonObject).content,
    resolved((post.post.responses as JsonObject)['200'] as JsonObject).content,
  ] as Record<
    string,
    {
      schema: { $ref?: string; contentSchema?: { $ref: string } };
      examples: Record<string, { value: unknown }>;
    }
  >[];
  // An answer is served as text/html: its examples are the raw JSON text, its schema the contentSchema.
  return bodies.flatMap((content) =>
    Object.values(content).flatMap((media) =>
      Object.entries(media.examples).map(([name, example]): [string, string, unknown] => {
        const { value } = resolved(example);
        const text = media.schema.contentSchema !== undefined;
        return [
          name,
          (media.schema.contentSchema ?? media.schema).$ref!,
          text ? JSON.parse(value as string) : value,
        ];
      }),
    ),
  );
}

beforeAll(async () => {
  spec = (await loadSpec()) as JsonObject;
  // strictRequired would reject the "at least one of" idiom (anyOf branches that only list required).
  ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  // The spec's vendor extensions are annotations; `components` holds the schemas the $refs point into.
  ajv.addVocabulary([
    'components',
    'x-identity-priority',
    'x-aopkit-sends',
    'x-length-unit',
    'x-result-codes',
    'x-sub-codes',
  ]);
  ajv.addSchema({ $id: ROOT, components: spec.components });
});

describe('every example of the spec validates against its own schema', () => {
  it('schema examples (components/schemas, properties included)', () => {
    const found = schemasWithExamples((spec.components as JsonObject).schemas, S);
    expect(found.length).toBeGreaterThan(20);
    for (const [pointer, examples] of found) {
      for (const example of examples) expect(problems(pointer, example), `${pointer}: ${example}`).toBe('');
    }
  });

  it('request and response examples, by name', () => {
    const found = mediaTypeExamples();
    expect(found.map(([name]) => name)).toEqual([
      'reference',
      'byUserId',
      'success',
      'certificateMode',
      'encrypted',
      'serviceUnavailable',
      'templateNotExist',
      'invalidSignature',
      'invalidAppId',
      'missingAppId',
    ]);
    for (const [name, pointer, value] of found) expect(problems(pointer, value), name).toBe('');
  });

  it('biz_content examples hold JSON text valid against VoucherSendBizContent (contentSchema)', () => {
    const texts = [
      ...(
        (spec.components as { schemas: { CommonRequestParams: JsonObject } }).schemas.CommonRequestParams
          .properties as { biz_content: { examples: string[] } }
      ).biz_content.examples,
      ...mediaTypeExamples()
        .filter(([, pointer]) => pointer.endsWith('/GatewayForm'))
        .map(([, , value]) => (value as { biz_content: string }).biz_content),
    ];
    expect(texts).toHaveLength(3);
    for (const text of texts) expect(problems(`${S}/VoucherSendBizContent`, JSON.parse(text)), text).toBe('');
  });

  it('response examples agree with x-result-codes and x-sub-codes', () => {
    const schemas = (spec.components as JsonObject).schemas as Record<string, JsonObject>;
    const results = schemas.ResultCode!['x-result-codes'] as Record<string, { msg: string }>;
    const subs = schemas.SubCode!['x-sub-codes'] as Record<string, { code: string; sub_msg: string }>;
    const nodes = mediaTypeExamples()
      .filter(([, pointer]) => pointer.endsWith('/VoucherSendResponseBody'))
      .map(([, , body]) => {
        const { sign: _sign, alipay_cert_sn: _sn, ...rest } = body as JsonObject;
        const node = Object.values(rest)[0];
        // The encrypted example is genuine: its demo key (named in its summary) decrypts it.
        return (typeof node === 'string' ? JSON.parse(decryptDemo(node)) : node) as JsonObject;
      });
    expect(nodes).toHaveLength(8);
    for (const node of nodes) {
      const { code, msg, sub_code, sub_msg } = node as Record<string, string>;
      expect(results[code!]?.msg).toBe(msg);
      if (sub_code === undefined) continue;
      expect(subs[sub_code]?.code).toBe(code);
      expect(sub_msg?.startsWith(subs[sub_code]!.sub_msg)).toBe(true);
    }
  });
});

describe('the schemas reject what the gateway rejects', () => {
  const biz = { template_id: '20140601000730010040000000EB', out_biz_no: 'o-1', user_id: '2088302001456115' };
  const success = { code: '10000', msg: 'Success', voucher_id: 'v-1', user_id: '2088302001456115' };

  it.each([
    [
      "the reference page's Java sample, amount as a bare number",
      { ...biz, amount: 9.99 },
      /amount must be string/,
    ],
    ['amount with one decimal', { ...biz, amount: '9.9' }, /amount must match pattern/],
    ['amount with a leading zero', { ...biz, amount: '09.90' }, /amount must match pattern/],
    [
      'no user_id, login_id nor taobao_nick',
      { template_id: 't', out_biz_no: 'o' },
      /must match a schema in anyOf/,
    ],
    ['no out_biz_no', { template_id: 't', login_id: 'a@b.c' }, /must have required property 'out_biz_no'/],
    [
      'a template_id of 29 characters',
      { ...biz, template_id: 'x'.repeat(29) },
      /template_id must NOT have more/,
    ],
    ['an unknown field', { ...biz, user_name: 'x' }, /must NOT have additional properties/],
  ])('biz_content: %s', (_name, value, message) => {
    expect(problems(`${S}/VoucherSendBizContent`, value)).toMatch(message);
  });

  it.each([
    [
      'a success without sign',
      { alipay_marketing_voucher_send_response: success },
      /must have required property 'sign'/,
    ],
    [
      'a success without voucher_id',
      { sign: 's', alipay_marketing_voucher_send_response: { ...success, voucher_id: undefined } },
      /must have required property 'voucher_id'/,
    ],
    ['neither node', { sign: 's' }, /must match a schema in anyOf/],
    [
      'an encrypted (string) node without sign',
      { alipay_marketing_voucher_send_response: 'zTYnI/31jI01' },
      /must have required property 'sign'/,
    ],
    [
      'a node that is neither the object nor a string',
      { sign: 's', alipay_marketing_voucher_send_response: 42 },
      /must match exactly one schema in oneOf/,
    ],
    [
      'an unknown result code',
      { error_response: { code: '30000', msg: 'x' } },
      /must be equal to one of the allowed values/,
    ],
  ])('response body: %s', (_name, value, message) => {
    expect(problems(`${S}/VoucherSendResponseBody`, JSON.parse(JSON.stringify(value)))).toMatch(message);
  });

  it.each([
    ['a timestamp with a T', 'timestamp', '2014-07-24T03:07:50', /must match pattern/],
    // The gateway takes the Java SDK's UTF-8 (the issue widened this); not every spelling.
    ['a mixed-case charset', 'charset', 'Utf-8', /must be equal to one of the allowed values/],
    ['a sign that is not 344 base64 characters', 'sign', 'A'.repeat(343), /must match pattern/],
    ['a 345-character sign', 'sign', 'A'.repeat(345), /must NOT have more than 344 characters/],
  ])('common parameter: %s', (_name, field, value, message) => {
    expect(problems(`${S}/CommonRequestParams/properties/${field}`, value)).toMatch(message);
  });

  it('accepts every common parameter the Java SDK sends (PROTOCOL §4), and no unknown one', () => {
    const java = {
      app_id: '2014072300007148',
      method: 'alipay.marketing.voucher.send',
      format: 'json',
      charset: 'UTF-8',
      sign_type: 'RSA2',
      sign: `${'A'.repeat(342)}==`,
      timestamp: '2014-07-24 03:07:50',
      version: '1.0',
      biz_content: JSON.stringify(biz),
      notify_url: 'https://merchant.example.com/notify',
      return_url: 'https://merchant.example.com/return',
      auth_token: 'authusrB1234',
      alipay_sdk: 'alipay-sdk-java-4.38.0.ALL',
      prod_code: 'PRODUCT',
    };
    expect(problems(`${S}/CommonRequestParams`, java)).toBe('');
    expect(problems(`${S}/CommonRequestParams`, { ...java, sdk_version: '1' })).toMatch(
      /must NOT have additional properties/,
    );
  });
});
