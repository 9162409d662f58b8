/**
 * Whether an unsigned node may be reported as an (unverified) error: an object whose `code` is
 * not `10000`. A success, or an encrypted (string) node, is never accepted unsigned.
 */
export function isErrorReport(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  return (node as { code?: unknown }).code !== '10000';
}
