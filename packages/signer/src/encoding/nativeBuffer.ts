/** The part of a Node Buffer instance used here. */
export interface NativeBufferInstance extends Uint8Array {
  /** Writes `text` decoded from `encoding` at `offset`, at most `length` bytes; returns how many. */
  write(text: string, offset: number, length: number, encoding: 'base64' | 'utf8'): number;
}

/** The part of Node's Buffer used here. */
export interface NativeBufferLike {
  from(text: string, encoding: 'base64' | 'utf8'): Uint8Array;
  /** An unpooled, uninitialised buffer: for scratch space kept and reused. */
  allocUnsafeSlow(size: number): NativeBufferInstance;
}

/**
 * Node's (and Bun's, Deno's) global Buffer when present, never imported: it decodes base64 and
 * encodes short UTF-8 strings several times faster than atob or TextEncoder (pooled allocation).
 * Web runtimes take the portable paths.
 */
export const NativeBuffer: NativeBufferLike | undefined = (globalThis as { Buffer?: NativeBufferLike })
  .Buffer;
