// One campaign worker for the Postgres bench: runs the CLI's main() in this process with the arguments
// it is given, then prints one JSON line: its exit code and the CPU time it used (startup included).
import { main } from '../src/main';

const code = await main(process.argv.slice(2), {
  stdout: { write: () => true },
  stderr: { write: () => true },
  env: process.env,
});
const used = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ code, cpuMs: (used.user + used.system) / 1000 })}\n`);
process.exit(0);
