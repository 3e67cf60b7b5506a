/**
 * Golden findings: the engine may change how it checks, never what it finds. Each input at each check
 * date is pinned by the count, the count per rule and a hash of every finding. Regenerate only for an
 * intended change of findings: GOLDEN_UPDATE=1 npx vitest run test/golden.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../src/core/validate';
import { GOLDEN_DATES, goldenInputs } from './support/golden-inputs';

const FILE = new URL('./golden/findings.json', import.meta.url);
const NOW = new Date(2026, 10, 24);

type Pin = { findings: number; byRule: Record<string, number>; sha256: string };

function pinOf(input: ReturnType<typeof goldenInputs>[string], dates: (typeof GOLDEN_DATES)[string]): Pin {
  const w = validateWorkbook(input, dates, { now: NOW });
  const findings = w.reports.flatMap((r) => r.findings);
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const summaries = w.reports.map((r) => r.summary);
  const sha256 = createHash('sha256')
    .update(JSON.stringify({ findings, summaries, skipped: w.skipped }))
    .digest('hex');
  return { findings: findings.length, byRule, sha256 };
}

describe('golden findings', () => {
  const inputs = goldenInputs();
  const actual: Record<string, Pin> = {};
  for (const [name, input] of Object.entries(inputs))
    for (const [date, settings] of Object.entries(GOLDEN_DATES)) actual[`${name} @ ${date}`] = pinOf(input, settings);

  if (process.env.GOLDEN_UPDATE) writeFileSync(FILE, JSON.stringify(actual, null, 2) + '\n');
  const golden: Record<string, Pin> = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};

  it('pins every input at every check date', () => {
    expect(Object.keys(golden).sort()).toEqual(Object.keys(actual).sort());
  });
  for (const key of Object.keys(actual)) {
    it(`${key}: the same findings`, () => {
      expect(actual[key]!.byRule).toEqual(golden[key]?.byRule);
      expect(actual[key]!.findings).toBe(golden[key]?.findings);
      expect(actual[key]!.sha256).toBe(golden[key]?.sha256);
    });
  }
});
