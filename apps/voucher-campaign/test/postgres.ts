import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject, onTestFinished } from 'vitest';

/** The test server's URL; throws (so the test fails, loudly) when there is none. */
export function postgresUrl(): string {
  const server = inject('postgres');
  if ('error' in server) throw new Error(server.error);
  return server.url;
}

/** A new, empty database on the test server for the running test, dropped when it finishes. */
export async function freshDatabase(): Promise<string> {
  const admin = postgresUrl();
  const name = `vc_test_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  onTestFinished(async () => {
    await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
