/**
 * Writes the real-shaped roster files of issue 9 (DMC download as downloaded, re-saved by Excel,
 * exported as CSV in UTF-8 and Windows-874, a per-class workbook, a hand-made roster with headers of
 * two rows) and manifest.json, the problems planted in them. With --score it also runs the built
 * command on each and prints found / planted and clean rows flagged / clean rows; --infer-dates leaves
 * out --as-of and --academic-year so the command infers the check date from each file.
 *   npx tsx scripts/make-real-files.ts OUTDIR [--seed N] [--score [--infer-dates]]
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeMisses, makeRealFiles, score, scoreLine, SETTINGS } from '../test/support/real-files';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string' }, score: { type: 'boolean' }, 'infer-dates': { type: 'boolean' } },
});
const out = positionals[0];
if (!out) {
  console.error('usage: npx tsx scripts/make-real-files.ts OUTDIR [--seed N] [--score [--infer-dates]]');
  process.exit(2);
}
await mkdir(out, { recursive: true });
const files = await makeRealFiles(values.seed ? Number(values.seed) : undefined);
for (const f of files) await writeFile(join(out, f.manifest.file), f.bytes);
await writeFile(
  join(out, 'manifest.json'),
  JSON.stringify({ settings: SETTINGS, files: files.map((f) => f.manifest) }, null, 2) + '\n',
);
for (const f of files) {
  const m = f.manifest;
  console.log(`${m.file}: ${m.students} students, ${m.planted.length} planted, ${m.clean.length} clean rows`);
}

if (values.score) {
  const bin = new URL('../build/dmc-check.mjs', import.meta.url).pathname;
  console.log('\nScores of build/dmc-check.mjs (run `node build.mjs` first for the current source):');
  for (const f of files) {
    const args = [bin, join(out, f.manifest.file), '--format', 'json'];
    if (!values['infer-dates']) args.push('--as-of', SETTINGS.asOf, '--academic-year', String(SETTINGS.academicYear));
    const r = spawnSync('node', args, { encoding: 'utf8' });
    let report: unknown = null;
    try {
      report = JSON.parse(r.stdout);
    } catch {
      console.log(`${f.manifest.file}: no JSON (exit ${r.status}): ${r.stderr.trim().split('\n')[0]}`);
      continue;
    }
    const s = score(report, f.manifest);
    console.log(scoreLine(f.manifest.file, s));
    for (const m of describeMisses(s)) console.log(`    missing ${m}`);
    for (const m of s.falseFlags) console.log(`    false flag ${m}`);
  }
}
