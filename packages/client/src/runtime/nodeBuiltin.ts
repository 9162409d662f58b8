/** `process.getBuiltinModule`, typed by the caller so the package's types need no `@types/node`. */
export type GetBuiltinModule<M> = (id: `node:${string}`) => M;

/**
 * The runtime's `process.getBuiltinModule`, bound, or undefined where it is missing (browsers, workerd
 * without nodejs_compat, Node before 20.16): Node built-ins are reached through it, never imported, so
 * bundlers and Web runtimes never see them. The one place the client asks the runtime for one.
 */
export function nodeBuiltins<M>(): GetBuiltinModule<M> | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: unknown } }).process;
  const get = proc?.getBuiltinModule;
  return typeof get === 'function' ? get.bind(proc) : undefined;
}
