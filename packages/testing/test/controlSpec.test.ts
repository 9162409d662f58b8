import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { controlRoutes } from '../src/control/createControlHandler.js';

const SPEC = new URL('../../../spec/aopkit-fake-control.yaml', import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every `METHOD path` the document declares. */
async function documented(): Promise<string[]> {
  const spec = parse(await readFile(SPEC, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

describe('the control API document and the router', () => {
  it('serve the same routes: every route served is documented, every documented one served', async () => {
    const served = controlRoutes();
    expect(served.length).toBeGreaterThan(10);
    expect([...served].sort()).toEqual((await documented()).sort());
  });

  it('every route sits under the reserved prefix, which the gateway path is not under', async () => {
    for (const route of await documented()) expect(route).toMatch(/^[A-Z]+ \/__aopkit\/[a-z]/);
  });
});
