/**
 * Whether an unsigned node may be reported as an (unverified) error: an object whose `code` is a
 * string other than `10000`, as the gateway writes error codes. A success, a node without a code
 * or with a code of another type (`10000` as a number), or an encrypted (string) node is never
 * accepted unsigned.
 */
export function isErrorReport(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const { code } = node as { code?: unknown };
  return typeof code === 'string' && code !== '10000';
}
