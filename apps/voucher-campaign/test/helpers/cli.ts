import { main, type Output } from '../../src/main';

/** Collects what the CLI writes. */
export function collector(): Output & { text: () => string } {
  const chunks: string[] = [];
  return { write: (s: string) => chunks.push(s), text: () => chunks.join('') };
}

/** Runs the CLI in this process (MSW intercepts its fetch); returns the exit code and output. */
export async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const stdout = collector();
  const stderr = collector();
  const code = await main(argv, { stdout, stderr, env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
