/**
 * Process wrapper around run(): stdout, stderr, exit status. The checker's code is loaded only when there
 * is something to check (--help is answered without it), and the input files start loading before it
 * does (prefetch.ts): both take tens of milliseconds on a large roster, and they overlap.
 */
import { helpText } from './args';
import { prefetch } from './prefetch';

const argv = process.argv.slice(2);
const help = helpText(argv);
if (help !== null) process.stdout.write(help);
else {
  prefetch(argv);
  const { run } = await import('./main');
  process.exitCode = await run(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
}
