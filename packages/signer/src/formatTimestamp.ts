const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Formats `date` as the gateway's `timestamp`: Beijing time (UTC+8), `yyyy-MM-dd HH:mm:ss`,
 * whatever the host's time zone (PROTOCOL §3; the Node SDK uses host local time).
 * The UTC ISO form of the shifted instant, cut to seconds: no locale API, identical on every runtime.
 * (Years outside 0000–9999, which the gateway's four-digit format cannot carry, come out in ISO's
 * expanded form.)
 */
export function formatTimestamp(date: Date = new Date()): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('formatTimestamp: invalid Date');
  // yyyy-MM-ddTHH:mm:ss.sssZ → yyyy-MM-dd HH:mm:ss (milliseconds truncated, never rounded).
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
