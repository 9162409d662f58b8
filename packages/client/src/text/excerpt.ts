/**
 * `text` cut to at most `max` UTF-16 units (an ellipsis marks the cut), so an error message never
 * carries a whole 5 MB value. Use it only on text that is not secret: an excerpt of a secret is
 * still part of it.
 */
export function excerpt(text: string, max = 64): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair: a lone surrogate is unencodable in a log line.
  let end = max - 1;
  const unit = text.charCodeAt(end - 1);
  if (unit >= 0xd800 && unit <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
