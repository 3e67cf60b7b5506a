/**
 * The sidebar at its real width (300 px) in chromium: one-line header parts, Thai words never broken
 * inside, groups open when few, findings grouped by sheet with links to their cells, the dates and
 * skipped sheets stated, the "แผ่นงานที่ตรวจ" setting, and the keyboard path to a cell.
 */
import type { Frame } from 'playwright-core';
import type { ReconcileData } from '../src/server/index';
import { describe, expect, it } from 'vitest';
import { PHASE3_REMINDER } from '../src/core/calendar';
import { ruleInfo } from '../src/core/catalogue';
import { formatBE } from '../src/core/dates';
import type { Cell } from '../src/core/types';
import { writeXlsx, type XlsxCell } from '../src/core/xlsx';
import { STRINGS } from '../src/ui/i18n';
import { KEEP_WHOLE } from '../src/ui/thai';
import { dmcPair, DMC_SHEET, ROSTER_SHEET } from './support/dmc-pairs';
import { check, page, plain, playground, poll, sidebar, usePlaygroundPage } from './support/playground-page';
import { cidOf, roster, wrongCheckDigit } from './support/rules';

const VIEWPORT = { width: 1280, height: 900 };
usePlaygroundPage(VIEWPORT);

const frame = (): Frame => page.frame({ url: /\/sidebar$/ })!;

async function save(values: Record<string, unknown>) {
  const r = await page.request.post(`${playground.url}api/run/saveSettings`, { data: [values] });
  expect(await r.json()).toMatchObject({ ok: true, data: { saved: true } });
  await page.reload();
  await sidebar.locator('#check:not([disabled])').waitFor();
}

async function open(name: string, bytes: Uint8Array) {
  await page.locator('#file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await poll(() => plain(page.locator('#loaded'))).toContain(name);
  await sidebar.locator('#check:not([disabled])').waitFor();
}

/**
 * The rendered lines of every block under `selector` in the sidebar: its characters in order, across
 * the inline elements inside it; a line break is where the next character's box starts lower.
 */
function renderedLines(f: Frame, selector: string): Promise<Block[]> {
  return f.evaluate((sel) => {
    const blocks = new Map<Element, Array<{ ch: string; top: number | null }>>();
    const blockOf = (e: Element): Element => {
      let b: Element = e;
      while (b.parentElement && getComputedStyle(b).display === 'inline') b = b.parentElement;
      return b;
    };
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !parent.getClientRects().length) continue;
        const text = node.textContent ?? '';
        const chars = blocks.get(blockOf(parent)) ?? [];
        const range = document.createRange();
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          chars.push({ ch: text[i]!, top: rect && rect.width > 0 ? rect.top : null });
        }
        blocks.set(blockOf(parent), chars);
      }
    }
    const out: Array<{ lines: string[]; bounds: number[] }> = [];
    const words = new Intl.Segmenter('th', { granularity: 'word' });
    for (const chars of blocks.values()) {
      if (!chars.some((c) => /[\u0E01-\u0E5B]/.test(c.ch))) continue;
      const lines: string[] = [];
      let line = '';
      let top: number | null = null;
      for (const c of chars) {
        if (c.top !== null) {
          if (top !== null && c.top > top + 4) {
            lines.push(line);
            line = '';
          }
          top = c.top;
        }
        line += c.ch;
      }
      lines.push(line);
      const text = lines.join('');
      out.push({ lines, bounds: [...words.segment(text)].map((w) => w.index) });
    }
    return out;
  }, selector);
}

/** Thai vowels and marks written after (or on) the letter they belong to: no line may start with one. */
const followsItsLetter = (c: number) => (c >= 0x0e30 && c <= 0x0e3a) || (c >= 0x0e45 && c <= 0x0e4e);

/** A block's rendered lines, and where the dictionary (Intl.Segmenter, the browser's ICU) puts word boundaries. */
interface Block {
  lines: string[];
  bounds: number[];
}

/**
 * Breaks that fall inside a word: not at a dictionary word boundary, inside one of the words the
 * dictionary itself splits wrongly, or before a vowel or mark that follows its letter.
 */
function badBreaks(blocks: Block[]): string[] {
  const bad: string[] = [];
  for (const { lines, bounds } of blocks) {
    let offset = 0;
    for (let i = 1; i < lines.length; i++) {
      const before = lines[i - 1]!;
      const after = lines[i]!;
      offset += before.length;
      if (!bounds.includes(offset)) {
        bad.push(`${before} ⏎ ${after} (no word boundary)`);
        continue;
      }
      const joined = `${before}${after}`;
      const at = before.length;
      const inside = KEEP_WHOLE.some((w) => {
        for (let k = joined.indexOf(w); k >= 0; k = joined.indexOf(w, k + 1))
          if (k < at && at < k + w.length) return true;
        return false;
      });
      if (inside || followsItsLetter(after.codePointAt(0) ?? 0)) bad.push(`${before} ⏎ ${after}`);
    }
  }
  return bad;
}

describe('the sidebar at 300 px', () => {
  it('keeps the language switch and the countdown on one line each, in Thai and English', async () => {
    for (const lang of ['th', 'en'] as const) {
      await save({ language: lang, asOf: '2026-11-24', schoolName: 'โรงเรียนเทศบาลวัดศรีสุมังคล์ (ศรีสุมังคลวิทยาคาร)' });
      const geometry = await frame().evaluate(() => {
        const box = (id: string) => document.getElementById(id)!.getBoundingClientRect();
        const countdown = document.getElementById('round-countdown')!;
        return {
          th: box('lang-th'),
          en: box('lang-en'),
          countdownHeight: countdown.getBoundingClientRect().height,
          lineHeight: parseFloat(getComputedStyle(countdown).lineHeight) || 18,
          overflow: countdown.scrollWidth - countdown.clientWidth,
          width: document.documentElement.clientWidth,
        };
      });
      expect(geometry.width).toBeLessThanOrEqual(300);
      expect(Math.abs(geometry.th.top - geometry.en.top), lang).toBeLessThan(2);
      expect(geometry.en.right).toBeLessThanOrEqual(geometry.width);
      expect(geometry.countdownHeight, lang).toBeLessThan(geometry.lineHeight * 1.5);
      expect(geometry.overflow, lang).toBeLessThanOrEqual(0);
    }
  });

  it('never breaks a Thai word inside, in its own text, the rule names and every message it can show', async () => {
    await save({ asOf: '2027-03-20' });
    await check();
    const shown = [
      ...(await renderedLines(frame(), 'header, #view-check')),
      ...(await (async () => {
        await sidebar.locator('#tab-settings').click();
        return renderedLines(frame(), '#view-settings');
      })()),
    ];
    expect(shown.length).toBeGreaterThan(20);
    expect(badBreaks(shown)).toEqual([]);
    // Every string the sidebar can show, at every width a 300 px sidebar gives a line: laid out as
    // the sidebar lays them out (each word of KEEP_WHOLE in a no-wrap span), and plainly as a control
    // that shows the check below does see ICU's wrong breaks.
    const strings = [
      ...Object.values(STRINGS.th).flatMap((v) =>
        typeof v === 'string' ? [v] : typeof v === 'object' ? (Object.values(v) as string[]) : [],
      ),
      ...ruleInfo().map((r) => r.about.th),
      ...PHASE3_REMINDER.map((m) => m.th),
    ];
    await frame().evaluate(
      ({ list, keep }) => {
        const pattern = new RegExp(keep.join('|'), 'g');
        const probe = document.createElement('div');
        probe.id = 'probe';
        const control = document.createElement('div');
        control.id = 'control';
        for (const width of [112, 160, 208, 256, 276]) {
          for (const s of list) {
            const p = document.createElement('p');
            p.style.cssText = `width:${width}px;font-size:13px`;
            p.textContent = s;
            control.append(p);
            const q = p.cloneNode() as HTMLElement;
            let last = 0;
            for (const m of s.matchAll(pattern)) {
              q.append(s.slice(last, m.index));
              const span = document.createElement('span');
              span.className = 'nw';
              span.textContent = m[0];
              q.append(span);
              last = m.index! + m[0].length;
            }
            q.append(s.slice(last));
            probe.append(q);
          }
        }
        document.body.append(probe, control);
        document.body.style.maxWidth = 'none';
      },
      { list: strings, keep: KEEP_WHOLE },
    );
    await sidebar.locator('#tab-check').click();
    const probed = await renderedLines(frame(), '#probe');
    expect(probed.filter((b) => b.lines.length > 1).length).toBeGreaterThan(100);
    expect(badBreaks(probed)).toEqual([]);
    expect(badBreaks(await renderedLines(frame(), '#control')).length).toBeGreaterThan(0);
  });

  it('opens every group when there are 30 findings or fewer, none when there are more', async () => {
    await check();
    const groups = sidebar.locator('details.group');
    expect(await groups.count()).toBeGreaterThan(3);
    expect(await sidebar.locator('details.group:not([open])').count()).toBe(0);
    // Rule IDs are small, below the rule's name, and on hover.
    const id = sidebar.locator('details.group .rule-id').first();
    expect(Number.parseFloat(await id.evaluate((e) => getComputedStyle(e).fontSize))).toBeLessThan(12);
    expect(await sidebar.locator('details.group summary').first().getAttribute('title')).toMatch(/^รหัสกฎ: [a-z]/);
    const many = roster({ more: Array.from({ length: 40 }, (_, i) => ({ cid: wrongCheckDigit(cidOf(i + 300)) })) });
    await open('many.xlsx', writeXlsx([{ name: 'นักเรียน', rows: many as XlsxCell[][] }]));
    await check();
    expect(await sidebar.locator('details.group[open]').count()).toBe(0);
  });
});

describe('a workbook of class sheets', () => {
  const book = () =>
    writeXlsx([
      { name: 'คำอธิบาย', rows: [['กรอกรายชื่อนักเรียนในแผ่นงานของแต่ละห้อง']] },
      {
        name: 'ป.6-1',
        rows: roster({ row: { cid: wrongCheckDigit(cidOf(11)) }, more: [{ prefix: 'ด.ญ.' }] }) as XlsxCell[][],
      },
      {
        name: 'ป.6-2',
        rows: roster({
          row: { cid: cidOf(21), sid: '30001' },
          more: [{ dob: '31/02/2558', sid: '30002', cid: cidOf(22) }],
        }) as XlsxCell[][],
      },
    ]);

  it('groups findings by sheet, states the dates and the skipped sheet, and a link opens its sheet and cell', async () => {
    await save({ asOf: '2027-03-20' });
    await open('ห้องเรียน ป.6.xlsx', book());
    await check();
    expect(await plain(sidebar.locator('#checked-sheet'))).toContain('2 แผ่นงาน');
    expect(await plain(sidebar.locator('#dates'))).toMatch(/ปีการศึกษา 25\d\d .*ตรวจ ณ วันที่ 20\/03\/2570/);
    expect(await plain(sidebar.locator('#skipped'))).toContain('คำอธิบาย');
    const sections = sidebar.locator('section.sheet-group');
    expect(await sections.locator('h3').allTextContents()).toEqual([
      expect.stringContaining('ป.6-1'),
      expect.stringContaining('ป.6-2'),
    ]);
    // Within a sheet, errors first.
    const severities = await sections
      .first()
      .locator('details.group')
      .evaluateAll((ds) => ds.map((d) => d.className.split(' ')[1]));
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ['error', 'warning', 'info'].indexOf(a!) - ['error', 'warning', 'info'].indexOf(b!),
      ),
    );
    const link = sidebar.locator(
      'section.sheet-group[data-sheet="ป.6-2"] details.group[data-rule="dob.invalid"] button.finding',
    );
    const cell = (await link.textContent())!;
    await link.click();
    await poll(() => page.locator('#grid').getAttribute('data-sheet')).toBe('ป.6-2');
    await poll(() => page.locator('#grid td.selected').getAttribute('data-cell')).toBe(cell);
    await sidebar
      .locator('section.sheet-group[data-sheet="ป.6-1"] details.group[data-rule="cid.checksum"] button.finding')
      .click();
    await poll(() => page.locator('#grid').getAttribute('data-sheet')).toBe('ป.6-1');
    await poll(() => page.locator('#grid td.selected').getAttribute('data-cell')).toBe('A2');
  });

  it('offers "แผ่นงานที่ตรวจ": the roster sheet is asked for only for one chosen sheet', async () => {
    await open('ห้องเรียน ป.6.xlsx', book());
    await sidebar.locator('#tab-settings').click();
    const scope = sidebar.locator('[name="sheetScope"]');
    expect(await plain(sidebar.locator('label[for="f-sheetScope"]'))).toBe('แผ่นงานที่ตรวจ');
    expect(await scope.locator('option').allTextContents()).toEqual([
      'อัตโนมัติ',
      'แผ่นงานที่เปิดอยู่',
      'แผ่นงานที่เลือก',
      'ทุกแผ่นงานรายชื่อ',
    ]);
    expect(await sidebar.locator('[name="rosterSheet"]').isDisabled()).toBe(true);
    await scope.selectOption('named');
    expect(await sidebar.locator('[name="rosterSheet"]').isDisabled()).toBe(false);
    await sidebar.locator('[name="rosterSheet"]').selectOption('ป.6-2');
    await sidebar.locator('#save').click();
    await sidebar.locator('.banner.ok').waitFor();
    await sidebar.locator('#tab-check').click();
    await check();
    expect(await plain(sidebar.locator('#checked-sheet'))).toContain('"ป.6-2"');
    expect(await sidebar.locator('section.sheet-group').count()).toBe(0);
    await sidebar.locator('#lang-en').click();
    await sidebar.locator('#tab-settings').click();
    expect(await plain(sidebar.locator('label[for="f-sheetScope"]'))).toBe('Sheets to check');
    await sidebar.locator('#lang-th').click();
  });
});

describe('"เทียบกับข้อมูล DMC" at 300 px', () => {
  /** A synthetic roster and its DMC download (row 1: DMC's timestamp line) as one workbook. */
  const pair = dmcPair({ n: 30, seed: 5 });
  const cells = (rows: readonly (readonly Cell[])[]): XlsxCell[][] =>
    rows.map((r) =>
      r.map((v) =>
        v instanceof Date ? formatBE({ y: v.getFullYear(), m: v.getMonth() + 1, d: v.getDate() }) : (v as XlsxCell),
      ),
    );
  const book = () =>
    writeXlsx([
      { name: ROSTER_SHEET, rows: cells(pair.roster.sheets[0]!.values) },
      { name: DMC_SHEET, rows: cells(pair.dmc.values) },
    ]);

  it("shows DMC's exam takers beside the roster's within the width, no Thai word broken, in Thai and English", async () => {
    await save({ academicYear: 2568, asOf: '2026-03-20' });
    await open('2568-3-student.xlsx', book());
    // The counts of one grade, as the server's reconciliation gives them to the sidebar.
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/run/reconcileWithDmc'));
    await sidebar.locator('#rc-run').click();
    const { roster: mine, dmc } = ((await (await answer).json()) as { data: ReconcileData }).data.summary.examTakers;
    const table = sidebar.locator('table#rc-takers');
    await table.waitFor();
    const grade = mine.byGrade.find((g) => g.total > 0)!;
    const theirs = dmc.byGrade.find((g) => g.grade === grade.grade) ?? { male: 0, female: 0, total: 0 };
    const row = (side: string) => table.locator(`tbody[data-grade="${grade.grade}"] tr[data-side="${side}"] td`);
    expect(await row('roster').allTextContents()).toEqual([grade.male, grade.female, grade.total].map(String));
    const dmcCells = await row('dmc').allTextContents();
    (['male', 'female', 'total'] as const).forEach((k, i) => {
      expect(dmcCells[i]).toMatch(new RegExp(theirs[k] === grade[k] ? `^${theirs[k]}$` : `^≠ ${theirs[k]} \\(`));
    });

    for (const lang of ['th', 'en'] as const) {
      if (lang === 'en') {
        await sidebar.locator('#lang-en').click();
        await poll(() => plain(table.locator('caption'))).toMatch(/^Final-exam takers/);
      }
      const fit = await frame().evaluate(() => {
        const t = document.getElementById('rc-takers')!;
        const box = document.getElementById('reconcile')!;
        return {
          right: t.getBoundingClientRect().right,
          width: document.documentElement.clientWidth,
          overflow: box.scrollWidth - box.clientWidth,
          // Header and figures never wrap: each cell one line (the grade's cell spans its two rows).
          tall: (() => {
            const list = [...t.querySelectorAll('th:not([rowspan]), td')];
            const line = Math.min(...list.map((c) => c.getBoundingClientRect().height));
            return list.filter((c) => c.getBoundingClientRect().height > line * 1.5).map((c) => c.textContent);
          })(),
        };
      });
      expect(fit.width, lang).toBeLessThanOrEqual(300);
      expect(fit.right, lang).toBeLessThanOrEqual(fit.width);
      expect(fit.overflow, lang).toBeLessThanOrEqual(0);
      expect(fit.tall, lang).toEqual([]);
      expect(badBreaks(await renderedLines(frame(), '#rc-takers, .rc-takers-note')), lang).toEqual([]);
    }
    await sidebar.locator('#lang-th').click();
  });

  it('offers "แผ่นงานข้อมูล DMC" in the settings: empty finds the download, a chosen sheet is saved', async () => {
    await open('2568-3-student.xlsx', book());
    await sidebar.locator('#tab-settings').click();
    const field = sidebar.locator('[name="dmcSheet"]');
    expect(await plain(sidebar.locator('label[for="f-dmcSheet"]'))).toBe('แผ่นงานข้อมูล DMC');
    expect(await plain(sidebar.locator('#f-dmcSheet-hint'))).toBe('ว่างไว้ = หาเอง');
    expect(await field.getAttribute('aria-describedby')).toBe('f-dmcSheet-hint');
    expect(await field.locator('option').allTextContents()).toEqual(['(หาเอง)', ROSTER_SHEET, DMC_SHEET]);
    expect(await field.inputValue()).toBe('');
    expect(await field.isDisabled()).toBe(false);
    await field.selectOption(DMC_SHEET);
    await sidebar.locator('#save').click();
    await sidebar.locator('.banner.ok').waitFor();
    const r = await page.request.post(`${playground.url}api/run/getSidebarState`, { data: [] });
    expect(await r.json()).toMatchObject({ ok: true, data: { settings: { dmcSheet: DMC_SHEET } } });
    await sidebar.locator('#lang-en').click();
    expect(await plain(sidebar.locator('label[for="f-dmcSheet"]'))).toBe('DMC download sheet');
    expect(await plain(sidebar.locator('#f-dmcSheet-hint'))).toBe('empty = found automatically');
    await sidebar.locator('#lang-th').click();
  });
});

describe('the keyboard', () => {
  it('reaches a finding with Tab, and Enter selects its cell', async () => {
    await sidebar.locator('#check').focus();
    await page.keyboard.press('Enter');
    await sidebar.locator('#result:not([hidden])').waitFor();
    let focused = '';
    for (let i = 0; i < 30 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await frame().evaluate(() =>
        document.activeElement?.classList.contains('finding')
          ? (document.activeElement as HTMLElement).dataset.cell!
          : '',
      );
    }
    expect(focused).toMatch(/^[A-Z]+\d+$/);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#grid td.selected').getAttribute('data-cell')).toBe(focused);
  });
});
