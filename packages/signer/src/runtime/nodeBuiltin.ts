import type * as NodeCrypto from 'node:crypto';

/** The Node built-ins the signer reaches for. */
interface NodeBuiltins {
  'node:crypto': typeof NodeCrypto;
}

/**
 * A Node built-in, reached without an import statement so bundlers and Web runtimes never see it;
 * undefined where the runtime is not Node-compatible or has no `process.getBuiltinModule` (browsers,
 * workerd without nodejs_compat, Node before 20.16). The one place the signer asks the runtime.
 */
export function nodeBuiltin<K extends keyof NodeBuiltins>(id: K): NodeBuiltins[K] | undefined {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  if (!proc?.versions?.node || typeof proc.getBuiltinModule !== 'function') return undefined;
  return proc.getBuiltinModule(id);
}
