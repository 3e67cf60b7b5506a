/** Process wrapper around run(): stdout, stderr, exit status. */
import { run } from './main';

const code = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
process.exitCode = code;
