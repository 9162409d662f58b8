import { readFile } from 'node:fs/promises';
import type { FakeGatewayFixtures } from '../FakeGateway.js';

const LISTS = ['apps', 'templates', 'users'] as const;

/** Reads a fixtures JSON file; checks its outline, and the gateway checks each entry as it loads it. */
export async function readFixtures(path: string): Promise<FakeGatewayFixtures> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new Error(`--fixtures ${path}: cannot read it as JSON`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`--fixtures ${path}: expected an object { apps?, templates?, users? }`);
  }
  const fixtures = parsed as Record<string, unknown>;
  for (const key of Object.keys(fixtures)) {
    if (!(LISTS as readonly string[]).includes(key))
      throw new Error(`--fixtures ${path}: unknown key ${key}`);
    if (!Array.isArray(fixtures[key])) throw new Error(`--fixtures ${path}: ${key} must be an array`);
  }
  return fixtures as FakeGatewayFixtures;
}
