const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Formats `date` as the gateway's `timestamp`: Beijing time (UTC+8), `yyyy-MM-dd HH:mm:ss`,
 * whatever the host's time zone (PROTOCOL §3; the Node SDK uses host local time).
 * Computed from UTC arithmetic, not locale APIs, so it is identical on every runtime.
 */
export function formatTimestamp(date: Date = new Date()): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('formatTimestamp: invalid Date');
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return (
    `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}
