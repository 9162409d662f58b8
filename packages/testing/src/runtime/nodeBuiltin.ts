import type * as NodeCrypto from 'node:crypto';
import type * as NodeHttp from 'node:http';
import { FakeGatewayError } from '../errors/FakeGatewayError.js';

/** The Node built-ins the fake reaches for. */
interface NodeBuiltins {
  'node:crypto': typeof NodeCrypto;
  'node:http': typeof NodeHttp;
}

/**
 * A Node built-in, reached without an import statement so the package still loads on Web-standard
 * runtimes (MSW handlers need none); undefined where `process.getBuiltinModule` is missing.
 * The one place the package asks the runtime.
 */
export function nodeBuiltin<K extends keyof NodeBuiltins>(id: K): NodeBuiltins[K] | undefined {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  return typeof proc?.getBuiltinModule === 'function' ? proc.getBuiltinModule(id) : undefined;
}

/**
 * {@link nodeBuiltin}, for a call that cannot do without it: throws FakeGatewayError
 * (`ERR_FAKE_UNSUPPORTED`) with `message`, which says what needed it and what to do instead.
 */
export function requireNodeBuiltin<K extends keyof NodeBuiltins>(id: K, message: string): NodeBuiltins[K] {
  const builtin = nodeBuiltin(id);
  if (!builtin) throw new FakeGatewayError(message, { code: 'ERR_FAKE_UNSUPPORTED' });
  return builtin;
}
