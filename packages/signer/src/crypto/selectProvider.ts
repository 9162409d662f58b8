import { SignerError } from '../errors/SignerError.js';
import type { CryptoChoice, CryptoProvider } from './CryptoProvider.js';
import { createNodeProvider, loadNodeCrypto } from './nodeProvider.js';
import { createWebProvider } from './webProvider.js';

// Built on first use, once per runtime; undefined while the runtime lacks that crypto.
let node: CryptoProvider | undefined;
let web: CryptoProvider | undefined;

function nodeProvider(): CryptoProvider | undefined {
  const crypto = node ? undefined : loadNodeCrypto();
  if (crypto) node = createNodeProvider(crypto);
  return node;
}

function webProvider(): CryptoProvider | undefined {
  const subtle = web ? undefined : (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (subtle) web = createWebProvider(subtle);
  return web;
}

/** Picks the crypto implementation: node:crypto where present (faster, multi-core), else WebCrypto. */
export function selectProvider(choice: CryptoChoice = 'auto'): CryptoProvider {
  if (choice !== 'auto' && choice !== 'node' && choice !== 'web') {
    throw new TypeError(`options.crypto must be 'auto', 'node' or 'web' (got ${JSON.stringify(choice)})`);
  }
  const provider =
    choice === 'web' ? webProvider() : (nodeProvider() ?? (choice === 'auto' ? webProvider() : undefined));
  if (!provider) {
    throw new SignerError(
      choice === 'node'
        ? 'node:crypto is not available in this runtime'
        : 'no crypto available: neither node:crypto nor globalThis.crypto.subtle',
    );
  }
  return provider;
}
