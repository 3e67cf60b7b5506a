/**
 * The playground page as a teacher reads it (issue 12, polish): notes in a popover, row numbers that
 * never hide the selected cell, dates as dd/mm/BBBB, merged title cells drawn once across their span,
 * the page's words following the language switch, no emoji, a visible "busy" state during a long
 * check, and the Gmail link saying where it goes.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../src/core/thai-id';
import { check, page, plain, playground, poll, sidebar, usePlaygroundPage } from './support/playground-page';
import { HEADER, roster } from './support/rules';

const VIEWPORT = { width: 1280, height: 820 };
usePlaygroundPage(VIEWPORT, { asOf: '2027-03-20' });

describe('the grid', () => {
  it('shows a cell’s note in a popover on hover and for the selected cell', async () => {
    await check();
    const noted = page.locator('#grid td.has-note').first();
    await noted.hover();
    const pop = page.locator('#note-pop');
    await poll(() => pop.isVisible()).toBe(true);
    expect(await pop.textContent()).toContain('ตรวจข้อมูล DMC');
    await page.mouse.move(5, 5);
    // A jump to a finding selects its cell; its note stays in view while selected.
    await sidebar.locator('details.group[data-rule="prefix.gender"] button.finding').first().click();
    await page.locator('#grid td.selected').waitFor();
    await poll(() => pop.isVisible()).toBe(true);
    expect(await pop.textContent()).toContain('prefix.gender');
    const cell = await page.locator('#grid td.selected').boundingBox();
    const box = await pop.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(980);
    expect(Math.abs(box!.y - cell!.y)).toBeLessThan(40);
  });

  it('never hides the selected cell under the row numbers or the column letters', async () => {
    await check();
    const wrap = page.locator('#grid-wrap');
    for (const [rule, scroll] of [
      ['cid.checksum', { left: 2_000, top: 2_000 }],
      ['move.out-after-exam', { left: 0, top: 0 }],
      ['cid.checksum', { left: 2_000, top: 0 }],
    ] as const) {
      await wrap.evaluate((e, s) => e.scrollTo(s.left, s.top), scroll);
      await sidebar.locator(`details.group[data-rule="${rule}"] button.finding`).first().click();
      await page.locator('#grid td.selected').waitFor();
      await page.waitForTimeout(100);
      const geometry = await page.evaluate(() => {
        const sel = document.querySelector('#grid td.selected')!.getBoundingClientRect();
        const row = document.querySelector('#grid th.rowhead')!.getBoundingClientRect();
        const head = document.querySelector('#grid thead')!.getBoundingClientRect();
        return { selLeft: sel.left, selTop: sel.top, rowRight: row.right, headBottom: head.bottom };
      });
      expect(geometry.selLeft, rule).toBeGreaterThanOrEqual(geometry.rowRight - 1);
      expect(geometry.selTop, rule).toBeGreaterThanOrEqual(geometry.headBottom - 1);
    }
  });

  it('shows date cells as dd/mm/BBBB, as a Thai spreadsheet does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('นักเรียน');
    const rows = roster({});
    rows.forEach((r, i) => ws.addRow(i === 1 ? r.map((v, j) => (j === 6 ? new Date(2015, 2, 15) : v)) : r));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    await page
      .locator('#file')
      .setInputFiles({ name: 'dates.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
    await poll(() => plain(page.locator('#loaded'))).toContain('dates.xlsx');
    await poll(() => page.locator('#grid td[data-cell="G2"]').textContent()).toBe('15/03/2558');
  });
});

describe('merged cells', () => {
  const TITLE = 'รายชื่อนักเรียน โรงเรียนบ้านตัวอย่าง ข้อมูล ณ วันที่ 10 มิถุนายน 2569';

  /** A roster as schools keep it: the title merged over the header, the class merged down its rows. */
  async function mergedRoster(): Promise<{ bytes: Buffer; width: number; grade: string }> {
    const rows = roster({ more: [{}, {}] });
    const g = rows[0]!.indexOf(HEADER.grade);
    rows[1]![g] = 'ป.7';
    rows[2]![g] = '';
    rows[3]![g] = '';
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('นักเรียน');
    ws.addRow([TITLE]);
    rows.forEach((r) => ws.addRow(r));
    ws.mergeCells(1, 1, 1, rows[0]!.length);
    ws.mergeCells(3, g + 1, 5, g + 1);
    const grade = String.fromCharCode(65 + g);
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), width: rows[0]!.length, grade };
  }

  it('draws a merged title once across its span, in view when scrolled sideways; notes under a merge show', async () => {
    const { bytes, width, grade } = await mergedRoster();
    await page
      .locator('#file')
      .setInputFiles({ name: 'merged.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
    await poll(() => plain(page.locator('#loaded'))).toContain('merged.xlsx');
    const title = page.locator('#grid td[data-cell="A1"]');
    await poll(() => title.getAttribute('colspan')).toBe(String(width));
    const layout = await page.evaluate((text) => {
      const row1 = [...document.querySelectorAll<HTMLTableCellElement>('#grid tbody tr:first-child td')];
      const heads = [...document.querySelectorAll('#grid thead th:not(.corner)')];
      const box = row1[0]!.getBoundingClientRect();
      return {
        cells: row1.map((td) => td.dataset.cell),
        times: [...document.querySelectorAll('#grid td')].filter((td) => td.textContent?.includes(text)).length,
        left: box.left - heads[0]!.getBoundingClientRect().left,
        right: box.right - heads[row1[0]!.colSpan - 1]!.getBoundingClientRect().right,
        header: document.querySelectorAll('#grid tbody tr:nth-child(2) td').length,
      };
    }, TITLE);
    // One element over the header's width; the cells under it are not drawn; the header row is whole.
    expect(layout.cells).toEqual(['A1']);
    expect(layout.times).toBe(1);
    expect(Math.abs(layout.left)).toBeLessThan(2);
    expect(Math.abs(layout.right)).toBeLessThan(2);
    expect(layout.header).toBe(width);
    expect(await title.textContent()).toBe(TITLE);

    // Scrolled sideways on a narrow window, the title's text stays right of the row numbers, readable.
    await page.setViewportSize({ width: 900, height: 820 });
    const wrap = page.locator('#grid-wrap');
    await wrap.evaluate((e) => e.scrollTo(400, 0));
    await poll(() => wrap.evaluate((e) => e.scrollLeft)).toBeGreaterThan(300);
    const scrolled = await page.evaluate(() => {
      const text = document.querySelector('#grid td[data-cell="A1"] .merged-text')!.getBoundingClientRect();
      const rows = document.querySelector('#grid th.rowhead')!.getBoundingClientRect();
      const a1 = document.querySelector('#grid td[data-cell="A1"]')!.getBoundingClientRect();
      return { text: text.left, rows: rows.right, cell: a1.left };
    });
    expect(scrolled.cell).toBeLessThan(scrolled.rows);
    expect(scrolled.text).toBeGreaterThanOrEqual(scrolled.rows);
    await wrap.evaluate((e) => e.scrollTo(0, 0));
    await page.setViewportSize(VIEWPORT);

    // The class merged down three rows: one cell, its mark, and the notes of all three of its cells.
    await check();
    const klass = page.locator(`#grid td[data-cell="${grade}3"]`);
    expect(await klass.getAttribute('rowspan')).toBe('3');
    await poll(() => klass.getAttribute('class')).toContain('has-note');
    expect(await page.locator(`#grid td[data-cell="${grade}4"], #grid td[data-cell="${grade}5"]`).count()).toBe(0);
    expect(await klass.evaluate((td) => (td as HTMLElement).style.backgroundColor)).not.toBe('');
    await klass.hover();
    const pop = page.locator('#note-pop');
    await poll(() => pop.isVisible()).toBe(true);
    expect(await pop.textContent()).toContain('grade.invalid');
    expect(await pop.textContent()).toContain(`${grade}4: `);
    // A finding on a covered cell selects the merge, as Sheets does.
    await page.mouse.move(5, 5);
    await sidebar.locator('details.group[data-rule="grade.missing"] button.finding').first().click();
    await poll(() => page.locator('#grid td.selected').getAttribute('data-cell')).toBe(`${grade}3`);
    await page.screenshot({ path: '/tmp/merge.png' });
  });

  it('the example opens with its title merged across the header', async () => {
    const title = page.locator('#grid td[data-cell="A1"]');
    await poll(() => title.getAttribute('colspan')).toBe('14');
    expect(await title.textContent()).toContain('รายชื่อนักเรียน');
    expect(await page.locator('#grid tbody tr:first-child td').count()).toBe(1);
  });
});

describe('the page around it', () => {
  it('follows the language switch, uses no emoji, and says the Gmail link opens real Gmail', async () => {
    expect(await page.locator('#title').textContent()).toBe('ตรวจข้อมูล DMC · ทดลองใช้');
    expect(await page.locator('#file-label').textContent()).toContain('เปิดไฟล์');
    await sidebar.locator('#lang-en').click();
    await poll(() => page.locator('#title').textContent()).toBe('DMC roster check · playground');
    expect(await page.locator('#file-label').textContent()).toContain('Open your file');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#drafts-title').textContent()).toBe('Gmail drafts (simulated)');
    await sidebar.locator('#lang-th').click();
    await poll(() => page.locator('#title').textContent()).toBe('ตรวจข้อมูล DMC · ทดลองใช้');

    // A roster whose one wrong ID lost its leading zero: the form fills the new ID itself, ready to draft.
    await page.request.post(`${playground.url}api/run/saveSettings`, {
      data: [{ asOf: '2027-03-20', officerName: 'ครูสมใจ ใจดี', officerPhone: '081-234-5678' }],
    });
    const zeroLed = withCheckDigit('010110000001');
    const csv = roster({ row: { cid: zeroLed.slice(1) } })
      .map((r) => r.map((v) => `"${String(v ?? '')}"`).join(','))
      .join('\n');
    await page.locator('#file').setInputFiles({ name: 'zero.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await poll(() => plain(page.locator('#loaded'))).toContain('zero.csv');
    await sidebar.locator('#check:not([disabled])').waitFor();
    await sidebar.locator('#build-form').click();
    await sidebar.locator('#correction-status .status').waitFor();
    await sidebar.locator('#draft-email').click();
    const link = sidebar.locator('#correction-status a[href^="https://mail.google.com/"]');
    await link.waitFor();
    expect(await plain(link)).toContain('Gmail จริง');
    expect(await link.getAttribute('target')).toBe('_blank');
    await poll(() => page.locator('#draft-count').textContent()).toBe('1');
    expect(await page.locator('#draft-list a[download]').textContent()).toMatch(
      /^[^\p{Extended_Pictographic}]*\.xlsx/u,
    );
    const text = await page.evaluate(() => document.body.innerText + (document.title ?? ''));
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
    const side = await page.frame({ url: /\/sidebar$/ })!.evaluate(() => document.body.innerText);
    expect(side).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('shows that it is busy while a long check runs', async () => {
    const rows = roster({ more: Array.from({ length: 900 }, (_, i) => ({ sid: String(50_000 + i) })) });
    const csv = rows.map((r) => r.map((v) => `"${String(v ?? '')}"`).join(',')).join('\n');
    await page.locator('#file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await poll(() => plain(page.locator('#loaded'))).toContain('big.csv');
    await sidebar.locator('#check:not([disabled])').waitFor();
    await sidebar.locator('#check').click();
    await poll(() => page.locator('#busy').textContent(), 5_000).toContain('กำลังทำงาน');
    await sidebar.locator('#result:not([hidden])').waitFor({ timeout: 60_000 });
    await poll(() => page.locator('#busy').textContent(), 10_000).toBe('');
  }, 90_000);
});
