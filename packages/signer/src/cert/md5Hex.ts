// MD5 in plain JS: certificate SNs must be computable synchronously and without node:crypto
// (WebCrypto has no MD5). Inputs are a few hundred bytes, so speed is irrelevant.

// RFC 1321: the left rotations of each round, and the constants derived from the sine.
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32));

/** Lowercase hex MD5 of `bytes` (32 characters). */
export function md5Hex(bytes: Uint8Array): string {
  // Padding: 0x80, zeros up to 56 mod 64, then the length in bits as a 64-bit little-endian number.
  const padded = new Uint8Array(((bytes.length + 72) >>> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, bytes.length * 8, true); // the low word (setUint32 wraps mod 2^32)
  view.setUint32(padded.length - 4, bytes.length / 2 ** 29, true); // the high word (truncated)
  // Words are kept as signed 32-bit integers (`| 0` wraps the sums); `>>>` reads them unsigned.
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let block = 0; block < padded.length; block += 64) {
    let [a, b, c, d] = h as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f =
        round === 0
          ? (b & c) | (~b & d)
          : round === 1
            ? (d & b) | (~d & c)
            : round === 2
              ? b ^ c ^ d
              : c ^ (b | ~d);
      const g = [i, 5 * i + 1, 3 * i + 5, 7 * i][round]! % 16;
      const sum = a + f + K[i]! + view.getUint32(block + g * 4, true);
      const shift = SHIFTS[round * 4 + (i % 4)]!;
      [a, d, c] = [d, c, b];
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    for (const [j, word] of [a, b, c, d].entries()) h[j] = (h[j]! + word) | 0;
  }
  // Each word's bytes, least significant first.
  return h
    .map((word) => [0, 8, 16, 24].map((s) => ((word >>> s) & 0xff).toString(16).padStart(2, '0')).join(''))
    .join('');
}
