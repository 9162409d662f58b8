import type { TestProject } from 'vitest/node';
import { startThrowawayServer } from './throwawayPostgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL the Postgres tests may create databases on, or why there is none. */
    postgres: { url: string } | { error: string };
  }
}

/** Set to use a running server (its user must be allowed to CREATE DATABASE) instead of a throwaway one. */
const ENV = 'VOUCHER_CAMPAIGN_TEST_POSTGRES_URL';

/**
 * Gives the Postgres tests a server: the one named by VOUCHER_CAMPAIGN_TEST_POSTGRES_URL, or a throwaway
 * one started here from the machine's PostgreSQL binaries (initdb into a temp folder, a free loopback
 * port) and removed afterwards. If neither can be had, the Postgres tests fail with the reason; the
 * others still run.
 */
export default async function setup(project: TestProject) {
  const given = process.env[ENV];
  if (given) {
    project.provide('postgres', { url: given });
    return;
  }
  let stop = () => {};
  try {
    const server = await startThrowawayServer();
    stop = server.stop;
    project.provide('postgres', { url: server.url });
  } catch (error) {
    project.provide('postgres', {
      error:
        `no PostgreSQL for the tests: ${(error as Error).message}. Install the server ` +
        `(Debian: apt-get install postgresql) or set ${ENV} to a server's URL`,
    });
  }
  return () => stop();
}
