import { SignerError } from '../errors/SignerError.js';
import type { CryptoChoice, CryptoProvider } from './CryptoProvider.js';
import { createNodeProvider, loadNodeCrypto } from './nodeProvider.js';
import { createWebProvider } from './webProvider.js';

const cache = new Map<'node' | 'web', CryptoProvider>();

function nodeProvider(): CryptoProvider | undefined {
  let provider = cache.get('node');
  if (!provider) {
    const crypto = loadNodeCrypto();
    if (!crypto) return undefined;
    provider = createNodeProvider(crypto);
    cache.set('node', provider);
  }
  return provider;
}

function webProvider(): CryptoProvider | undefined {
  let provider = cache.get('web');
  if (!provider) {
    const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
    if (!subtle) return undefined;
    provider = createWebProvider(subtle);
    cache.set('web', provider);
  }
  return provider;
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
