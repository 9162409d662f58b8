// With the `u` flag a well-formed pair is one code point, so only a lone surrogate is in category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether `text` holds a lone UTF-16 surrogate: no charset can encode it (encodeURIComponent throws
 * URIError on it, and Java would send `?`), so such a value is refused before anything is sent.
 */
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/** How a value with a lone surrogate is refused. */
export const UNENCODABLE = 'holds a lone surrogate, which no charset can encode';
