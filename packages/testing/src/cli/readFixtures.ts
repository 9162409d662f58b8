import { readFile } from 'node:fs/promises';
import { FakeGatewayError } from '../errors/FakeGatewayError.js';
import type { FakeGatewayFixtures } from '../FakeGatewayCore.js';

const LISTS = ['apps', 'templates', 'users'] as const;

const fixturesError = (message: string, cause?: unknown) =>
  new FakeGatewayError(message, { code: 'ERR_FAKE_CLI', field: '--fixtures', cause });

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Reads a fixtures JSON file and checks its outline: known lists, each an array of objects. The
 * gateway checks each entry's fields as it loads it.
 */
export async function readFixtures(path: string): Promise<FakeGatewayFixtures> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw fixturesError(`--fixtures ${path}: cannot read it as JSON`, cause);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw fixturesError(`--fixtures ${path}: expected an object { apps?, templates?, users? }`);
  }
  const fixtures = parsed as Record<string, unknown>;
  for (const key of Object.keys(fixtures)) {
    if (!(LISTS as readonly string[]).includes(key))
      throw fixturesError(`--fixtures ${path}: unknown key ${key}`);
    const list = fixtures[key];
    if (!Array.isArray(list)) throw fixturesError(`--fixtures ${path}: ${key} must be an array`);
    for (const [i, entry] of list.entries()) {
      // Named by its place and kind, never by its value: an entry may be a pasted key.
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        throw fixturesError(`--fixtures ${path}: ${key}[${i}] must be an object, not ${kindOf(entry)}`);
    }
  }
  return fixtures as FakeGatewayFixtures;
}
