// The signer's test: one definition of "unencodable" for what is signed and what is validated.
export { hasLoneSurrogate } from '@aopkit/signer';

/** How a value with a lone surrogate is refused. */
export const UNENCODABLE = 'holds a lone surrogate, which no charset can encode';
