/** The part of Node's Buffer used here. */
export interface NativeBufferLike {
  from(text: string, encoding: 'base64' | 'utf8'): Uint8Array;
}

/**
 * Node's (and Bun's, Deno's) global Buffer when present, never imported: it decodes base64 and
 * encodes short UTF-8 strings several times faster than atob or TextEncoder (pooled allocation).
 * Web runtimes take the portable paths.
 */
export const NativeBuffer: NativeBufferLike | undefined = (globalThis as { Buffer?: NativeBufferLike })
  .Buffer;
