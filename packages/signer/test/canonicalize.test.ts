import { describe, expect, it } from 'vitest';
import { canonicalize, type SignableParams } from '../src/index.js';

const cases: [string, { given: SignableParams; want: string }][] = [
  [
    'sorts keys',
    { given: { method: 'm', app_id: '1', charset: 'utf-8' }, want: 'app_id=1&charset=utf-8&method=m' },
  ],
  ['drops sign', { given: { b: '2', sign: 'abc', a: '1' }, want: 'a=1&b=2' }],
  ['keeps sign_type (it is signed)', { given: { sign_type: 'RSA2', sign: 'x' }, want: 'sign_type=RSA2' }],
  ['drops the empty string (Java rule; the Node SDK keeps it)', { given: { a: '1', b: '' }, want: 'a=1' }],
  ['drops null and undefined', { given: { a: null, b: undefined, c: '3' }, want: 'c=3' }],
  [
    'drops whitespace-only values (Java: StringUtils.isEmpty("   ") is true; the Node SDK signs them)',
    { given: { a: ' ', b: '\n', c: '\t\r\u3000\u2028\x1f', d: '1' }, want: 'd=1' },
  ],
  [
    'keeps values Java does not call whitespace: no-break spaces, zero-width space, U+180E',
    {
      given: { a: '\u00a0', b: '\u2007', c: '\u202f', d: '\u200b', e: '\u180e' },
      want: 'a=\u00a0&b=\u2007&c=\u202f&d=\u200b&e=\u180e',
    },
  ],
  ['keeps a value with text around whitespace', { given: { a: ' x ' }, want: 'a= x ' }],
  ['keeps "0" and "false"', { given: { a: '0', b: 'false' }, want: 'a=0&b=false' }],
  ['stringifies numbers and booleans', { given: { n: 0, t: true, f: false }, want: 'f=false&n=0&t=true' }],
  ['does not URL-encode values', { given: { q: 'a b&c=d%20+e/f?g#h' }, want: 'q=a b&c=d%20+e/f?g#h' }],
  ['keeps Chinese and emoji raw', { given: { memo: '中文🧧' }, want: 'memo=中文🧧' }],
  [
    'keeps nested JSON raw',
    { given: { biz_content: '{"a":{"b":[1,"&"]}}' }, want: 'biz_content={"a":{"b":[1,"&"]}}' },
  ],
  [
    'compares code units: upper case before underscore before lower case',
    { given: { a: '1', B: '2', _: '3' }, want: 'B=2&_=3&a=1' },
  ],
  [
    'compares code units, not code points (U+FF5E sorts after an astral key)',
    { given: { '～': '1', '😀': '2' }, want: '😀=2&～=1' },
  ],
  ['orders a prefix first', { given: { app_id_x: '1', app_id: '2' }, want: 'app_id=2&app_id_x=1' }],
  ['returns "" when nothing is left', { given: { sign: 'x', a: '' }, want: '' }],
  [
    'builds the voucher.send string',
    {
      given: {
        app_id: '2021000122671080',
        method: 'alipay.marketing.voucher.send',
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: '2024-05-13 17:49:20',
        version: '1.0',
        app_auth_token: undefined,
        biz_content: '{"template_id":"T1","out_biz_no":"o1","user_id":"2088102122524333"}',
      },
      want:
        'app_id=2021000122671080&biz_content={"template_id":"T1","out_biz_no":"o1","user_id":"2088102122524333"}' +
        '&charset=utf-8&format=JSON&method=alipay.marketing.voucher.send&sign_type=RSA2&timestamp=2024-05-13 17:49:20&version=1.0',
    },
  ],
];

describe('canonicalize', () => {
  it.each(cases)('%s', (_, { given, want }) => {
    expect(canonicalize(given)).toBe(want);
  });
});
