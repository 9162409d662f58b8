import { RESPONSE_FIELDS } from '@aopkit/types';
import { mixSeed, mulberry32 } from '../faults/mulberry32.js';

const ALNUM = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = (rand: () => number, count: number): string =>
  Array.from({ length: count }, () => Math.floor(rand() * 10)).join('');

/**
 * The n-th voucher id of a seed: 20 digits then 8 upper-case letters and digits, like Alipay's
 * `20160906000730020020002U8CBS`, exactly RESPONSE_FIELDS.voucher_id.maxLength (28) long.
 */
export function voucherIdOf(seed: number, n: number): string {
  const rand = mulberry32(mixSeed(seed, n));
  const serial = String(n).padStart(8, '0');
  let tail = '';
  while (tail.length < RESPONSE_FIELDS.voucher_id.maxLength - 20)
    tail += ALNUM[Math.floor(rand() * ALNUM.length)];
  return `2088${digits(mulberry32(seed >>> 0), 8)}${serial}${tail}`;
}

/** The n-th generated app id of a seed: 16 digits starting 2021, like real app ids. */
export function appIdOf(seed: number, n: number): string {
  return `2021${digits(mulberry32(mixSeed(seed, -1)), 4)}${String(n).padStart(8, '0')}`;
}
