import { CryptoUnavailableError } from '../errors/CryptoUnavailableError.js';
import { readCryptoChoice } from '../options.js';
import { nodeBuiltin } from '../runtime/nodeBuiltin.js';
import type { CryptoChoice, CryptoProvider } from './CryptoProvider.js';
import { createNodeProvider } from './nodeProvider.js';
import { createWebProvider } from './webProvider.js';

// Built on first use, once per runtime; undefined while the runtime lacks that crypto.
let node: CryptoProvider | undefined;
let web: CryptoProvider | undefined;

function nodeProvider(): CryptoProvider | undefined {
  const crypto = node ? undefined : nodeBuiltin('node:crypto');
  if (crypto) node = createNodeProvider(crypto);
  return node;
}

function webProvider(): CryptoProvider | undefined {
  const subtle = web ? undefined : (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (subtle) web = createWebProvider(subtle);
  return web;
}

/**
 * Picks the crypto implementation: node:crypto where present (faster, multi-core), else WebCrypto.
 * Throws SignerOptionError for an unknown `options.crypto`, CryptoUnavailableError when the runtime
 * lacks the one asked for.
 */
export function selectProvider(option: CryptoChoice | undefined): CryptoProvider {
  const choice = readCryptoChoice(option);
  const provider =
    choice === 'web' ? webProvider() : (nodeProvider() ?? (choice === 'auto' ? webProvider() : undefined));
  if (!provider) {
    throw new CryptoUnavailableError(
      choice === 'node'
        ? 'node:crypto is not available in this runtime'
        : 'no crypto available: neither node:crypto nor globalThis.crypto.subtle',
    );
  }
  return provider;
}
