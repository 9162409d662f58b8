import { BIZ_CONTENT_FIELDS } from '@aopkit/types';
import { AlipayValidationError } from '../errors/AlipayValidationError.js';
import { excerpt } from '../text/excerpt.js';

const PRICE_RE = new RegExp(BIZ_CONTENT_FIELDS.amount.pattern);
const invalid = (message: string, rule: 'type' | 'pattern' | 'decimals') =>
  new AlipayValidationError(message, { field: 'amount', rule });

/**
 * Turns `amount` into the spec's `Price` text (`#.00`) without float artefacts.
 *
 * - A string is the wire form: it must already match the pattern (`"9.99"`; `"9.999"` and `"10"`
 *   are rejected), because silently reformatting text the caller wrote would hide mistakes.
 * - A number is read through its shortest round-trip decimal form (`String(n)`, what JSON would
 *   print): at most two decimals are accepted and padded (`10` → `"10.00"`, `9.9` → `"9.90"`).
 *   Anything longer, such as `0.1 + 0.2` (`0.30000000000000004`), is rejected rather than rounded:
 *   rounding money silently is worse than a clear error.
 */
export function formatAmount(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      throw invalid(`amount must be a finite, non-negative number (got ${value})`, 'type');
    const decimal = String(value);
    if (decimal.includes('e')) throw invalid(`amount ${decimal} is out of range for #.00 yuan`, 'pattern');
    const [whole, fraction = ''] = decimal.split('.');
    if (fraction.length > 2) {
      throw invalid(
        `amount must have at most two decimals; the number ${decimal} has ${fraction.length} (round it, or pass a string such as "9.99")`,
        'decimals',
      );
    }
    text = `${whole}.${fraction.padEnd(2, '0')}`;
  } else {
    throw invalid(`amount must be a number or a "#.00" string (got ${typeof value})`, 'type');
  }
  if (!PRICE_RE.test(text)) {
    throw invalid(
      `amount must have exactly two decimals, as #.00 (e.g. "9.99"; got ${JSON.stringify(excerpt(text, 24))})`,
      'pattern',
    );
  }
  return text;
}
