import fc from 'fast-check';

/** Characters that break naive implementations: Chinese, emoji, URL and JSON metacharacters, whitespace. */
export const SPECIALS = [
  '中',
  '文',
  '券',
  '😀',
  '🧧',
  '&',
  '=',
  '%',
  '+',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '"',
  '\\',
  '/',
  '{',
  '}',
  '<',
  '>',
  "'",
  '#',
  '?',
];

/** One unit: a special, or any code point (surrogate pairs whole, never lone surrogates). */
const unit = fc.oneof(
  fc.constantFrom(...SPECIALS),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

/** A non-empty string mixing the specials with arbitrary Unicode. */
export const nastyString = (maxLength = 24) => fc.string({ unit, minLength: 1, maxLength });

/** A timestamp as the gateway wants it. */
export const timestampString = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 19).replace('T', ' '));

/** A biz_content object for alipay.marketing.voucher.send, with nested JSON. */
export const bizContent = fc.record(
  {
    template_id: fc.stringMatching(/^[0-9A-Z]{1,28}$/),
    out_biz_no: nastyString(64),
    user_id: fc.stringMatching(/^2088\d{12}$/),
    amount: fc.integer({ min: 1, max: 99999 }).map((c) => (c / 100).toFixed(2)),
    memo: nastyString(128),
    extra: fc.record({
      note: nastyString(),
      tags: fc.array(nastyString(8), { maxLength: 3 }),
      n: fc.integer(),
    }),
  },
  { requiredKeys: ['template_id', 'out_biz_no'] },
);
