/**
 * Process wrapper around run(): stdout, stderr, exit status. The input files start loading before the
 * checker's code does (prefetch.ts): both take tens of milliseconds on a large roster, and they overlap.
 */
import { prefetch } from './prefetch';

const argv = process.argv.slice(2);
prefetch(argv);
const { run } = await import('./main');
const code = await run(argv, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
process.exitCode = code;
