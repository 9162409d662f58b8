import { SignerOptionError } from './errors/SignerOptionError.js';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Formats `date` as the gateway's `timestamp`: Beijing time (UTC+8), `yyyy-MM-dd HH:mm:ss`,
 * whatever the host's time zone (PROTOCOL §3; the Node SDK uses host local time).
 * The UTC ISO form of the shifted instant, cut to seconds: no locale API, identical on every runtime.
 * (Years outside 0000–9999, which the gateway's four-digit format cannot carry, come out in ISO's
 * expanded form.) Throws SignerOptionError (`field: 'date'`) for anything but a valid Date.
 */
export function formatTimestamp(date: Date = new Date()): string {
  let ms: number;
  try {
    // Date.prototype.getTime, not date.getTime: a Date from another realm works, a look-alike does not.
    ms = Date.prototype.getTime.call(date);
  } catch {
    throw new SignerOptionError(`formatTimestamp: date must be a Date (got ${typeof date})`, {
      field: 'date',
      rule: 'type',
    });
  }
  if (Number.isNaN(ms)) {
    throw new SignerOptionError('formatTimestamp: date is an invalid Date', { field: 'date', rule: 'type' });
  }
  // yyyy-MM-ddTHH:mm:ss.sssZ → yyyy-MM-dd HH:mm:ss (milliseconds truncated, never rounded).
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
