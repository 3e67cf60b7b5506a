/**
 * "เทียบกับข้อมูล DMC" in the add-on (issue 13), through the built bundle: a roster sheet beside an imported
 * DMC download sheet with every difference class planted — the check leaves the download alone, the
 * reconciliation finds each difference on the right sheet and cell, marks both sheets, clear takes every
 * mark off exactly, and the correction form and its email count the differing IDs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARK_HEADINGS } from '../src/core/marks';
import type { Value } from '../src/fakes/index';
import type { CheckData, DraftData, FormData, ReconcileData, Result } from '../src/server/index';
import { dmcPair, DMC_SHEET, ROSTER_SHEET, type DmcPair } from './support/dmc-pairs';
import { CHROMIUM, launch } from './support/browser';
import { loadAddon, type Addon } from './support/gas';
import { SCHOOL_SETTINGS } from './support/rules';

const FORM = 'แบบขอแก้ไขเลขประจำตัวประชาชน';
const RESULTS = 'ผลการตรวจ';
/** Academic year 2568, checked in its last weeks: the end-of-year round of the download's timestamp. */
const SETTINGS = { ...SCHOOL_SETTINGS, academicYear: 2568, asOf: '2026-03-20' };

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.en);
  return r.data;
};
const grid = (v: readonly (readonly unknown[])[]): Value[][] => v.map((r) => r.map((c) => c as Value));

/** Cells carrying a mark's note, as "A1". */
function marked(addon: Addon, sheet: string): string[] {
  const out: string[] = [];
  addon
    .sheet(sheet)
    .peek()
    .notes.forEach((row, i) =>
      row.forEach((n, j) => {
        if (n.startsWith(MARK_HEADINGS.th)) out.push(`${String.fromCharCode(65 + j)}${i + 1}`);
      }),
    );
  return out;
}

/** What reconcile must find: "rule sheet!cell". */
const planted = (p: DmcPair) =>
  p.planted.flatMap((x) =>
    x.expect.map((e) => `${e.rule} ${e.side === 'roster' ? ROSTER_SHEET : DMC_SHEET}!${e.cell}`),
  );

describe('reconciliation with the DMC download in the add-on', () => {
  const pair = dmcPair({ n: 40, seed: 7 });
  let addon: Addon;
  let fresh: ReturnType<Addon['save']>;

  beforeAll(() => {
    addon = loadAddon({ [ROSTER_SHEET]: grid(pair.roster.sheets[0]!.values), [DMC_SHEET]: grid(pair.dmc.values) });
    ok(addon.call('saveSettings', SETTINGS));
    fresh = addon.save();
  });

  it('the check never checks the download as the school roster, even with the download open', () => {
    addon.restore(fresh);
    addon.sheet(DMC_SHEET).activate();
    const data = ok(addon.call<Result<CheckData>>('checkRoster'));
    expect(data.sheets).toEqual([ROSTER_SHEET]);
    expect(data.skipped.map((s) => s.sheet)).toContain(DMC_SHEET);
    expect(data.findings.every((f) => (f.sheet ?? ROSTER_SHEET) === ROSTER_SHEET)).toBe(true);
    expect(marked(addon, DMC_SHEET)).toEqual([]);
  });

  it('finds every planted difference on the right sheet and cell, and marks both sheets', () => {
    addon.restore(fresh);
    const data = ok(addon.call<Result<ReconcileData>>('reconcileWithDmc'));
    expect(data.dmcSheet).toBe(DMC_SHEET);
    expect(data.sheets).toEqual([ROSTER_SHEET]);
    const found = data.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    expect([...new Set(found)].sort()).toEqual([...new Set(planted(pair))].sort());
    expect(data.totalFindings).toBe(data.findings.length);
    const s = data.summary;
    expect(s.notInDmc).toBe(data.findings.filter((f) => f.rule === 'dmc.not-in-dmc').length);
    expect(s.notInRoster).toBeGreaterThan(0);
    expect(s.differingFields).toBeGreaterThan(0);
    expect(s.matched.id + s.matched.nameDob + s.matched.fuzzy).toBeGreaterThan(40);
    expect(data.rules.map((r) => r.id)).toContain('dmc.not-in-roster');

    // Every reconciliation finding's cell is marked on its own sheet; the download carries only its own.
    const rosterMarks = new Set(marked(addon, ROSTER_SHEET));
    const dmcMarks = marked(addon, DMC_SHEET);
    for (const f of data.findings) {
      if (f.sheet === ROSTER_SHEET) expect(rosterMarks.has(f.cell!), f.rule).toBe(true);
    }
    const dmcCells = data.findings.filter((f) => f.sheet === DMC_SHEET).map((f) => f.cell!);
    expect(dmcMarks.sort()).toEqual([...new Set(dmcCells)].sort());
    expect(data.marked).toBe(rosterMarks.size + dmcMarks.length);
    const note = addon.sheet(DMC_SHEET).peek().notes;
    const first = data.findings.find((f) => f.rule === 'dmc.not-in-roster')!;
    const [col, row] = [first.cell!.charCodeAt(0) - 65, Number(first.cell!.slice(1)) - 1];
    expect(note[row]![col]).toContain(first.message.th);

    // The results sheet: the check's list, then the reconciliation part with a link into the download.
    const results = addon
      .sheet(RESULTS)
      .peek()
      .values.map((r) => r.map(String));
    const title = results.findIndex((r) => r[0]!.startsWith('เทียบกับข้อมูล DMC'));
    expect(title).toBeGreaterThan(4);
    const gid = addon.sheet(DMC_SHEET).getSheetId();
    const part = results.slice(title + 1);
    const at = part.findIndex((r) => r[2] === first.rule && r[0] === DMC_SHEET);
    expect(addon.sheet(RESULTS).formulaAt(title + 2 + at, 8)).toBe(
      `=HYPERLINK("#gid=${gid}&range=${first.cell}","${first.cell}")`,
    );
    expect(part.filter((r) => r[2]!.startsWith('dmc.'))).toHaveLength(data.totalFindings);
  });

  it('clear takes every mark off both sheets exactly', () => {
    addon.restore(fresh);
    const before = [ROSTER_SHEET, DMC_SHEET].map((n) => addon.sheet(n).peek());
    ok(addon.call<Result<CheckData>>('checkRoster'));
    ok(addon.call<Result<ReconcileData>>('reconcileWithDmc'));
    // Again: the second run replaces the first's marks, never stacks on them.
    ok(addon.call<Result<ReconcileData>>('reconcileWithDmc'));
    expect(marked(addon, DMC_SHEET).length).toBeGreaterThan(0);
    ok(addon.call('clearMarks'));
    const after = [ROSTER_SHEET, DMC_SHEET].map((n) => addon.sheet(n).peek());
    expect(after).toEqual(before);
    expect(addon.spreadsheet.allSheets().some((s) => s.name === '_dmc_marks')).toBe(false);
  });

  it('the correction form carries the differing IDs (DMC old, roster new) and the email counts them', () => {
    addon.restore(fresh);
    const data = ok(addon.call<Result<ReconcileData>>('reconcileWithDmc'));
    const differing = data.findings.filter((f) => f.rule === 'dmc.id-differs');
    expect(differing.length).toBeGreaterThanOrEqual(3);
    const form = ok(addon.call<Result<FormData>>('buildCorrectionForm'));
    const rows = addon.sheet(FORM).peek().values.slice(7);
    const rosterValues = pair.roster.sheets[0]!.values;
    const dmcValues = pair.dmc.values;
    for (const f of differing) {
      // The roster's ID is the new one, DMC's (a different, listed ID) the old one, both filled.
      const rosterId = String(rosterValues[f.row! - 1]![1]);
      const row = rows.find((r) => r[11] === rosterId);
      expect(row, `form row for ${rosterId}`).toBeDefined();
      expect(row![10]).not.toBe(rosterId);
      expect(dmcValues.some((d) => String(d[2]) === row![10])).toBe(true);
      expect(row![12]).toBe('ตรวจกับบัตรประชาชน');
    }
    expect(form.rows).toBe(rows.filter((r) => r[0] !== '').length);
    expect(form.problems).toEqual([]);
    // The draft's count is the form's rows, differing IDs included.
    expect(ok(addon.call<Result<DraftData>>('draftCorrectionEmail')).students).toBe(form.rows);
  });

  it('says how to import the download when the spreadsheet has none', () => {
    const lone = loadAddon({ [ROSTER_SHEET]: grid(pair.roster.sheets[0]!.values) });
    ok(lone.call('saveSettings', SETTINGS));
    const r = lone.call<Result<ReconcileData>>('reconcileWithDmc');
    expect(r).toMatchObject({ ok: false, error: { th: expect.stringContaining('นำเข้า') } });
    // Without a download the form is the check's alone.
    expect(lone.call<Result<FormData>>('buildCorrectionForm').ok).toBe(true);
  });
});

/**
 * The "แผ่นงานข้อมูล DMC" setting: a sheet the user names is the download — even without DMC's timestamp
 * line (pasted by hand) — over one recognised automatically, and never checked as the school's roster.
 */
describe('the DMC download sheet named in the settings', () => {
  const pair = dmcPair({ n: 30, seed: 11 });
  // Another school's download: recognised by its timestamp line, open, and so what would be taken unnamed.
  const other = dmcPair({ n: 12, seed: 12 });
  const NAMED = 'DMC วางเอง';
  /** The download pasted without its timestamp line: a title in its place, every cell where it was. */
  const pasted = pair.dmc.values.map((r, i) => (i === 0 ? ['รายชื่อนักเรียนจาก DMC (คัดลอกมาวาง)'] : r));
  let addon: Addon;
  let fresh: ReturnType<Addon['save']>;

  beforeAll(() => {
    addon = loadAddon({
      [ROSTER_SHEET]: grid(pair.roster.sheets[0]!.values),
      [DMC_SHEET]: grid(other.dmc.values),
      [NAMED]: grid(pasted),
    });
    fresh = addon.save();
  });
  const withSettings = (extra: Record<string, unknown>) => {
    addon.restore(fresh);
    ok(addon.call('saveSettings', { ...SETTINGS, ...extra }));
    addon.sheet(DMC_SHEET).activate();
  };

  it('is compared over the download found automatically, without a notice that several were found', () => {
    withSettings({});
    // Unnamed: the open, recognised download; the pasted sheet is not one.
    expect(ok(addon.call<Result<ReconcileData>>('reconcileWithDmc')).dmcSheet).toBe(DMC_SHEET);

    withSettings({ dmcSheet: NAMED });
    const data = ok(addon.call<Result<ReconcileData>>('reconcileWithDmc'));
    expect(data.dmcSheet).toBe(NAMED);
    expect(data.sheets).toEqual([ROSTER_SHEET]);
    const found = data.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    const expected = planted(pair).map((x) => x.replace(`${DMC_SHEET}!`, `${NAMED}!`));
    expect([...new Set(found)].sort()).toEqual([...new Set(expected)].sort());
    expect(data.notices.map((n) => n.th).join(' ')).not.toContain('มากกว่าหนึ่งแผ่น');
    // The other download is left alone; the named one carries its own marks.
    expect(marked(addon, DMC_SHEET)).toEqual([]);
    expect(marked(addon, NAMED).length).toBeGreaterThan(0);
    // The correction form reads the same sheet: its differing IDs are DMC's (the pasted sheet's).
    const form = ok(addon.call<Result<FormData>>('buildCorrectionForm'));
    const rows = addon.sheet(FORM).peek().values.slice(7);
    const differing = data.findings.filter((f) => f.rule === 'dmc.id-differs');
    expect(differing.length).toBeGreaterThan(0);
    for (const f of differing) {
      const row = rows.find((r) => r[11] === String(pair.roster.sheets[0]!.values[f.row! - 1]![1]));
      expect(pasted.some((d) => String(d[2]) === row![10])).toBe(true);
    }
    expect(form.rows).toBeGreaterThanOrEqual(differing.length);
  });

  it('says the sheet is missing, in Thai and English, for the comparison and the correction form', () => {
    withSettings({ dmcSheet: 'DMC ที่ลบไปแล้ว' });
    const r = addon.call<Result<ReconcileData>>('reconcileWithDmc');
    expect(r).toEqual({
      ok: false,
      error: {
        th: expect.stringMatching(/^ไม่พบแผ่นงาน "DMC ที่ลบไปแล้ว" ที่ตั้งไว้เป็นแผ่นงานข้อมูล DMC — /),
        en: expect.stringMatching(/^No sheet named "DMC ที่ลบไปแล้ว", set as the DMC download sheet — /),
      },
    });
    expect(addon.call<Result<FormData>>('buildCorrectionForm')).toEqual(r);
    // Nothing was marked before the refusal.
    expect(marked(addon, ROSTER_SHEET)).toEqual([]);
  });

  it('refuses a named sheet without a header row, naming it', () => {
    addon.restore(fresh);
    addon.spreadsheet.addSheet('หมายเหตุ', [['ยังไม่ได้วางข้อมูล DMC'], ['']]);
    ok(addon.call('saveSettings', { ...SETTINGS, dmcSheet: 'หมายเหตุ' }));
    const r = addon.call<Result<ReconcileData>>('reconcileWithDmc');
    expect(r).toMatchObject({
      ok: false,
      error: { th: expect.stringContaining('แผ่นงาน "หมายเหตุ"'), en: expect.stringContaining('Sheet "หมายเหตุ"') },
    });
    expect(r.ok || r.error.th).toContain('ไม่มีแถวหัวตาราง');
  });

  it('is never checked as the roster: listed as skipped with the reason, left unmarked', () => {
    // Unnamed, the pasted sheet has a roster header and no timestamp line: it is checked like a roster.
    withSettings({});
    expect(ok(addon.call<Result<CheckData>>('checkRoster')).sheets).toContain(NAMED);

    withSettings({ dmcSheet: NAMED });
    const data = ok(addon.call<Result<CheckData>>('checkRoster'));
    expect(data.sheets).toEqual([ROSTER_SHEET]);
    const skipped = data.skipped.find((s) => s.sheet === NAMED);
    expect(skipped?.reason).toMatchObject({ th: expect.stringContaining('DMC'), en: expect.stringContaining('DMC') });
    expect(data.findings.every((f) => (f.sheet ?? ROSTER_SHEET) === ROSTER_SHEET)).toBe(true);
    expect(marked(addon, NAMED)).toEqual([]);
    // The results sheet says so too.
    const results = addon
      .sheet(RESULTS)
      .peek()
      .values.map((r) => String(r[0]));
    expect(results.some((line) => line.startsWith('ไม่ได้ตรวจ') && line.includes(NAMED))).toBe(true);
  });
});

/** The sidebar section alone in chromium, its api calls answered by the bundle under gas-local. */
describe.skipIf(!CHROMIUM)('the sidebar section "เทียบกับข้อมูล DMC"', () => {
  const pair = dmcPair({ n: 20, seed: 8 });
  // A sheet name with markup: it must show as text.
  const DMC = '<i>DMC</i>';
  let addon: Addon;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    addon = loadAddon({ [ROSTER_SHEET]: grid(pair.roster.sheets[0]!.values), [DMC]: grid(pair.dmc.values) });
    ok(addon.call('saveSettings', SETTINGS));
    const js = await esbuild.build({
      stdin: {
        contents: `import { mountReconcile } from './src/ui/reconcile-panel';
          const api = (name, ...args) => window.serverCall(name, args);
          window.panel = mountReconcile(document.getElementById('box'), api, 'th');`,
        resolveDir: new URL('..', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
    });
    browser = await launch();
    page = await browser.newPage();
    await page.exposeFunction('serverCall', (name: string, args: unknown[]) => addon.call(name, ...args));
    await page.setContent('<html><body><div id="box"></div></body></html>');
    await page.addScriptTag({ content: js.outputFiles[0]!.text });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the four counts and the findings by rule, and goes to a cell on the download', async () => {
    await page.getByRole('button', { name: 'เทียบกับข้อมูล DMC' }).click();
    await expect.poll(() => page.locator('.rc-count').count(), { timeout: 15_000 }).toBe(4);
    const data = ok(addon.call<Result<ReconcileData>>('reconcileWithDmc'));
    const s = data.summary;
    const numbers = await page.locator('.rc-count b').allTextContents();
    expect(numbers.map(Number)).toEqual([
      s.matched.id + s.matched.nameDob + s.matched.fuzzy,
      s.notInDmc,
      s.notInRoster,
      s.differingFields,
    ]);
    const rules = await page.locator('details.group').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-rule')));
    expect(new Set(rules)).toEqual(new Set(data.findings.map((f) => f.rule)));
    expect(rules[0]).not.toBe('dmc.field-differs'); // errors first
    // The sheet name is text, never markup.
    expect(await page.locator('#box i').count()).toBe(0);
    expect(await page.locator('#box').textContent()).toContain(DMC);

    const target = data.findings.find((f) => f.sheet === DMC)!;
    // Many findings: groups start closed; open the one holding the target.
    const group = page.locator(`details[data-rule="${target.rule}"]`);
    if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
    await page.locator(`button.finding[data-sheet="${DMC}"][data-cell="${target.cell}"]`).first().click();
    await expect.poll(() => addon.spreadsheet.getActiveSheet().getName(), { timeout: 15_000 }).toBe(DMC);
    expect(addon.spreadsheet.getActiveRange()?.getA1Notation()).toBe(target.cell);

    await page.evaluate(() => (window as unknown as { panel: { setLang(l: string): void } }).panel.setLang('en'));
    expect(await page.locator('#rc-run').textContent()).toBe('Compare with the DMC download');
    await page.evaluate(() => (window as unknown as { panel: { setLang(l: string): void } }).panel.setLang('th'));
  }, 60_000);

  it("shows DMC's exam takers by grade and gender beside the roster's, each difference marked ≠", async () => {
    const table = page.locator('table#rc-takers');
    await table.waitFor();
    const { roster, dmc } = ok(addon.call<Result<ReconcileData>>('reconcileWithDmc')).summary.examTakers;
    expect(await table.locator('caption').textContent()).toBe('ผู้เข้าสอบปลายภาค ตามชั้นและเพศ: ในรายชื่อกับใน DMC');
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual(['ชั้น', 'ข้อมูล', 'ชาย', 'หญิง', 'รวม']);
    /** A row's figures as seen: the screen reader's words left out. */
    const seen = (grade: string, side: string) =>
      table.locator(`tbody[data-grade="${grade}"] tr[data-side="${side}"] td`).evaluateAll((tds) =>
        tds.map((td) =>
          [...td.childNodes]
            .filter((n) => !(n instanceof Element && n.classList.contains('rc-sr')))
            .map((n) => n.textContent)
            .join(''),
        ),
      );
    const zero = { male: 0, female: 0, total: 0 };
    const grades = [...new Set([...roster.byGrade, ...dmc.byGrade].map((c) => c.grade))];
    expect(await table.locator('tbody').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-grade')))).toEqual([
      ...grades,
      'รวม',
    ]);
    let differing = 0;
    for (const grade of grades) {
      const r = roster.byGrade.find((c) => c.grade === grade) ?? zero;
      const d = dmc.byGrade.find((c) => c.grade === grade) ?? zero;
      expect(await seen(grade, 'roster'), grade).toEqual([r.male, r.female, r.total].map(String));
      const keys = ['male', 'female', 'total'] as const;
      expect(await seen(grade, 'dmc'), grade).toEqual(keys.map((k) => (d[k] === r[k] ? '' : '≠ ') + String(d[k])));
      differing += keys.filter((k) => d[k] !== r[k]).length;
    }
    // The pair plants students missing on either side and grades that differ: some counts must differ.
    expect(differing).toBeGreaterThan(0);
    expect(await seen('รวม', 'roster')).toEqual(
      [roster.total.male, roster.total.female, roster.total.total].map(String),
    );
    const diff = table.locator('td.rc-diff').first();
    expect(await diff.locator('.rc-sr').textContent()).toMatch(/^ \(ไม่เท่ากับในรายชื่อ ซึ่งมี \d+\)$/);
    expect(await page.locator('.rc-takers-note').first().textContent()).toBe('≠ คือจำนวนใน DMC ไม่เท่ากับในรายชื่อ');
    // The grade names a group of two rows, each row names its side.
    expect(await table.locator('tbody th[scope="rowgroup"]').first().getAttribute('rowspan')).toBe('2');
    expect(await table.locator('tbody th[scope="row"]').allTextContents()).toEqual(
      [...grades, 'รวม'].flatMap(() => ['รายชื่อ', 'DMC']),
    );
    // axe on the table (headers, scopes, contrast of the marked cells): no serious or critical violation.
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(() =>
      (
        window as unknown as {
          axe: { run(c: string, o: object): Promise<{ violations: Array<{ id: string; impact: string }> }> };
        }
      ).axe
        .run('#rc-takers', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] } })
        .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)),
    );
    expect(violations).toEqual([]);
  }, 60_000);
});
