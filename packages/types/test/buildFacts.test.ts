import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFacts } from '../scripts/buildFacts';
import { type JsonObject, resolvePointer, SpecError } from '../scripts/specAccess';

const fixture = parse(
  readFileSync(new URL('fixtures/mini-spec.yaml', import.meta.url), 'utf8'),
) as JsonObject;

/** The fixture with one change, made at a JSON pointer of it. */
function changed(pointer: string, change: (node: JsonObject) => void): JsonObject {
  const spec = structuredClone(fixture);
  change(resolvePointer(spec, pointer) as JsonObject);
  return spec;
}

describe('buildFacts on the fixture spec', () => {
  const facts = buildFacts(fixture);

  it('derives the method, the response node and the gateways', () => {
    expect(facts.method).toBe('alipay.demo.coupon.issue');
    expect(facts.responseNode).toBe('alipay_demo_coupon_issue_response');
    expect(facts.errorResponseNode).toBe('error_response');
    expect(facts.gateways).toEqual({
      production: 'https://gw.example.test/router.do',
      sandbox: 'https://sandbox.example.test/router.do',
    });
  });

  it('reads the field rules, following $refs', () => {
    expect(facts.commonParams).toEqual({
      app_id: { required: true, maxLength: 20, description: 'The app.' },
      method: {
        required: true,
        enum: ['alipay.demo.coupon.issue'],
        description: "It's the 'method' \\ with a backslash.",
      },
      biz_content: { required: true, description: 'Biz.' },
    });
    expect(facts.bizContentFields).toEqual({
      coupon_id: { required: true, maxLength: 7, description: 'Coupon.' },
      phone: { required: false, maxLength: 11, pattern: '^1\\d{10}$', description: 'Phone.' },
      email: { required: false, maxLength: 99, description: 'Email.' },
    });
  });

  it('takes the identity priority from x-identity-priority, not from the anyOf order', () => {
    expect(facts.identityFields).toEqual(['phone', 'email']);
  });

  it('keeps only the fields the response node adds, required when then.required names them', () => {
    expect(facts.responseFields).toEqual({
      coupon_no: { required: true, maxLength: 5, description: 'Coupon number.' },
      note: { required: false, description: 'Note.' },
    });
  });

  it('reads the result and sub code tables and picks the 40004 sub codes as business ones', () => {
    expect(facts.resultCodes).toEqual({
      '10000': { msg: 'OK', meaning: 'Fine.', advice: 'None.', retryable: false },
      '20000': { msg: 'Later', meaning: 'Down.', advice: 'Retry.', retryable: true },
      '40004': { msg: 'Nope', meaning: 'Refused.', advice: 'Look.', retryable: false },
    });
    expect(facts.subCodes['isp.down']).toEqual({
      code: '20000',
      subMsg: '系统繁忙',
      meaning: 'Down.',
      advice: 'Retry.',
      retryable: true,
    });
    expect(facts.businessSubCodes).toEqual(['COUPON_GONE', 'BUSY']);
  });
});

describe('buildFacts on a node that may arrive encrypted (oneOf: the object, a string)', () => {
  it('reads the object branch: the same facts as the plain node', () => {
    const spec = changed('#/components/schemas/Body/properties', (p) => {
      p.alipay_demo_coupon_issue_response = {
        oneOf: [{ $ref: '#/components/schemas/Node' }, { type: 'string', description: 'Ciphertext.' }],
      };
    });
    expect(buildFacts(spec)).toEqual(buildFacts(fixture));
  });

  it.each([
    [[{ type: 'string' }], /must have exactly one object branch, found 0/],
    [
      [{ $ref: '#/components/schemas/Node' }, { $ref: '#/components/schemas/Node' }],
      /must have exactly one object branch, found 2/,
    ],
    [[{ $ref: '#/components/schemas/Node' }, { type: 'integer' }], /must be a string \(the encrypted node\)/],
  ])('refuses oneOf %j', (oneOf, message) => {
    const spec = changed('#/components/schemas/Body/properties', (p) => {
      p.alipay_demo_coupon_issue_response = { oneOf };
    });
    expect(() => buildFacts(spec)).toThrow(message);
  });
});

describe('buildFacts rejects a spec that lacks what it needs', () => {
  const S = '#/components/schemas';
  const cases: [string, JsonObject, RegExp][] = [
    ['no paths', changed('#', (s) => delete s.paths), /#\/paths: must hold exactly one path, found 0/],
    [
      'no CommonRequestParams',
      changed(`${S}`, (s) => delete s.CommonRequestParams),
      /#\/components\/schemas\/CommonRequestParams: missing schema CommonRequestParams/,
    ],
    [
      'a method enum of two values',
      changed(`${S}/CommonRequestParams/properties/method`, (m) => {
        m.enum = ['a.b', 'c.d'];
      }),
      /method must have an enum of exactly one value/,
    ],
    [
      'a field without a description',
      changed(`${S}/Phone`, (p) => delete p.description),
      /#\/components\/schemas\/Biz\/properties\/phone: description must be a non-empty string/,
    ],
    [
      // Changed by the issue: a common parameter may come in the form body, so none is required in the query.
      'a query parameter marked required',
      changed('#/components/parameters/method', (p) => {
        p.required = true;
      }),
      /parameter method must not be required: it may come in the form body/,
    ],
    [
      'x-aopkit-sends naming a value outside enum',
      changed(`${S}/CommonRequestParams/properties/method`, (m) => {
        m['x-aopkit-sends'] = ['alipay.other'];
      }),
      /method\/x-aopkit-sends: must name values of enum \(not alipay.other\)/,
    ],
    [
      'no x-identity-priority',
      changed(`${S}/Biz`, (b) => delete b['x-identity-priority']),
      /x-identity-priority must be an array of strings/,
    ],
    [
      'an anyOf that disagrees with x-identity-priority',
      changed(`${S}/Biz`, (b) => {
        b.anyOf = [{ required: ['phone'] }];
      }),
      /anyOf \[phone\] must require exactly x-identity-priority \[phone, email\]/,
    ],
    [
      'a response node that does not match the method',
      changed(`${S}/Body/properties`, (p) => {
        p.alipay_other_response = p.alipay_demo_coupon_issue_response;
        delete p.alipay_demo_coupon_issue_response;
      }),
      /missing response node "alipay_demo_coupon_issue_response" \(derived from method alipay.demo.coupon.issue\)/,
    ],
    [
      'a result code without an x-result-codes entry',
      changed(`${S}/Code/x-result-codes`, (t) => delete t['20000']),
      /x-result-codes: keys \[10000, 40004\] must be exactly the code enum \[10000, 20000, 40004\]/,
    ],
    [
      'a sub code under an undeclared result code',
      changed(`${S}/Sub/x-sub-codes/BUSY`, (e) => {
        e.code = '49999';
      }),
      /x-sub-codes\/BUSY: code 49999 is not a result code/,
    ],
    [
      'a sub code without retryable',
      changed(`${S}/Sub/x-sub-codes/BUSY`, (e) => delete e.retryable),
      /retryable must be a boolean/,
    ],
    [
      'a sub code without meaning',
      changed(`${S}/Sub/x-sub-codes/BUSY`, (e) => delete e.meaning),
      /x-sub-codes\/BUSY: meaning must be a non-empty string/,
    ],
    [
      'a result code without meaning',
      changed(`${S}/Code/x-result-codes/40004`, (e) => delete e.meaning),
      /x-result-codes\/40004: meaning must be a non-empty string/,
    ],
    [
      'a meaning in Chinese',
      changed(`${S}/Sub/x-sub-codes/BUSY`, (e) => {
        e.meaning = 'The system is busy (系统繁忙).';
      }),
      /BUSY: meaning must be English, found "系"/,
    ],
    [
      'an advice in Chinese',
      changed(`${S}/Sub/x-sub-codes/COUPON_GONE`, (e) => {
        e.advice = '1.发起业务重试';
      }),
      /COUPON_GONE: advice must be English, found "发"/,
    ],
    [
      'an advice with full-width punctuation only',
      changed(`${S}/Code/x-result-codes/10000`, (e) => {
        e.advice = 'Nothing to do，really.';
      }),
      /10000: advice must be English, found "，"/,
    ],
    [
      'a meaning that is not one sentence',
      changed(`${S}/Sub/x-sub-codes/BUSY`, (e) => {
        e.meaning = 'busy';
      }),
      /BUSY: meaning must be one sentence ending in "\." of at most 120 characters/,
    ],
    [
      'an entry key the tables would not carry (a misspelt meaning)',
      changed(`${S}/Sub/x-sub-codes/BUSY`, (e) => {
        e.meanin = 'Busy.';
      }),
      /BUSY: key meanin is not carried into the generated tables/,
    ],
    [
      'a result code entry with a sub code key',
      changed(`${S}/Code/x-result-codes/20000`, (e) => {
        e.sub_msg = '忙';
      }),
      /20000: key sub_msg is not carried into the generated tables/,
    ],
    [
      'a field keyword the facts would not carry (minLength)',
      changed(`${S}/Biz/properties/coupon_id`, (p) => {
        p.minLength = 2;
      }),
      /Biz\/properties\/coupon_id: keyword minLength is not carried into the generated facts/,
    ],
    [
      'a field keyword the facts would not carry, behind a $ref (const)',
      changed(`${S}/Phone`, (p) => {
        p.const = '13800000000';
      }),
      /keyword const is not carried into the generated facts/,
    ],
    [
      'no sandbox server',
      changed('#/servers/1', (s) => {
        s['x-environment'] = 'staging';
      }),
      /no server has x-environment: sandbox/,
    ],
  ];

  it.each(cases)('%s', (_name, spec, message) => {
    expect(() => buildFacts(spec)).toThrow(SpecError);
    expect(() => buildFacts(spec)).toThrow(message);
  });
});
