// One campaign worker for the bench's Postgres part: runs the CLI's main() in this process with the
// arguments it is given and prints one JSON line: its exit code, its CPU time and the summary.
import { main } from '../src/main';

const out: string[] = [];
const cpu = process.cpuUsage();
const code = await main(process.argv.slice(2), {
  stdout: { write: (s: string) => out.push(s) },
  stderr: { write: () => true },
  env: process.env,
});
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({ code, cpuMs: (used.user + used.system) / 1000, summary: JSON.parse(out.join('')) })}\n`,
);
process.exit(0);
