/**
 * Issue 12's majors in chromium, as a teacher meets them in the playground: sheet tabs after a jump,
 * the correction buttons from the form sheet, settings kept after a rejected save and across files,
 * and file-open errors that stay on screen.
 */
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../src/core/thai-id';
import { check, page, plain, playground, poll, sidebar, usePlaygroundPage } from './support/playground-page';

const FORM = 'แบบขอแก้ไขเลขประจำตัวประชาชน';
const RESULTS = 'ผลการตรวจ';
const ROSTER = 'นักเรียน';

const VIEWPORT = { width: 1280, height: 860 };
usePlaygroundPage(VIEWPORT);

const shownSheet = () => page.locator('#grid').getAttribute('data-sheet');
const selectedTab = () => page.locator('#tabs [aria-selected="true"]').textContent();

async function fillSettings(values: Record<string, string>) {
  await sidebar.locator('#tab-settings').click();
  for (const [name, value] of Object.entries(values)) await sidebar.locator(`[name="${name}"]`).fill(value);
}

const OFFICER = { officerName: 'ครูสมใจ ใจดี', officerPhone: '081-234-5678', schoolName: 'โรงเรียนบ้านตัวอย่าง' };

describe('sheet tabs (major 1)', () => {
  it('a tab shows its sheet after a jump to a finding, and a later jump shows the roster again', async () => {
    await check();
    const finding = sidebar.locator('details.group[data-rule="prefix.gender"] button.finding').first();
    const cell = (await finding.textContent())!;
    await finding.click();
    await poll(() => page.locator('#grid td.selected').getAttribute('data-cell')).toBe(cell);
    await page.locator('#tabs button', { hasText: RESULTS }).click();
    await poll(shownSheet).toBe(RESULTS);
    expect(await selectedTab()).toBe(RESULTS);
    await page.locator('#tabs button', { hasText: ROSTER }).click();
    await poll(shownSheet).toBe(ROSTER);
    await page.locator('#tabs button', { hasText: RESULTS }).click();
    await poll(shownSheet).toBe(RESULTS);
    // A finding's link brings the roster back, its cell selected.
    await sidebar.locator('details.group[data-rule="cid.checksum"] button.finding').first().click();
    await poll(shownSheet).toBe(ROSTER);
    await poll(() => page.locator('#grid td.selected').getAttribute('data-cell')).toMatch(/^B\d+$/);
  });
});

describe('the correction buttons (major 2)', () => {
  it('work from the form sheet: building opens it, the draft and the .xlsx come from there', async () => {
    await fillSettings(OFFICER);
    await sidebar.locator('#save').click();
    await sidebar.locator('.banner.ok').waitFor();
    await sidebar.locator('#tab-check').click();
    await check();
    // Building the form opens the form sheet: the next step is typing there.
    await sidebar.locator('#build-form').click();
    await poll(shownSheet).toBe(FORM);
    expect(await selectedTab()).toBe(FORM);
    await poll(() => plain(sidebar.locator('#correction-status'))).toContain('กรอกเลขประจำตัวใหม่');

    // Before the new IDs are typed, the draft is refused: the reason is said beside the buttons, in view.
    await sidebar.locator('#draft-email').click();
    const refusal = sidebar.locator('#correction-status .status.bad[role="alert"]');
    await refusal.waitFor();
    expect(await plain(refusal)).toContain('ยังส่งออกไม่ได้');
    await expect(refusal.isVisible()).resolves.toBe(true);
    await sidebar.locator('#download-xlsx').click();
    await poll(() => plain(sidebar.locator('#correction-status .status.bad'))).toContain('ยังส่งออกไม่ได้');

    // The officer types the new IDs on the form sheet and stays there.
    const red = await page
      .locator('#grid td[data-cell^="L"]')
      .evaluateAll((tds) =>
        tds
          .filter((td) => (td as HTMLElement).style.backgroundColor === 'rgb(244, 199, 195)')
          .map((td) => (td as HTMLElement).dataset.cell!),
      );
    expect(red.length).toBeGreaterThan(1);
    for (const [i, cell] of red.entries()) {
      await page.locator(`#grid td[data-cell="${cell}"]`).dblclick();
      await page.locator(`#grid td[data-cell="${cell}"] input`).fill(withCheckDigit(`18899000002${i}`));
      await page.locator(`#grid td[data-cell="${cell}"] input`).press('Enter');
      await poll(() => page.locator(`#grid td[data-cell="${cell}"]`).textContent()).not.toBe('');
    }
    expect(await shownSheet()).toBe(FORM);
    // All three buttons, from the form sheet.
    await sidebar.locator('#build-form').click();
    await poll(() => plain(sidebar.locator('#correction-status'))).toMatch(/นักเรียน \d+ คน/);
    expect(await sidebar.locator('#correction-status .status.bad').count()).toBe(0);
    await sidebar.locator('#draft-email').click();
    await sidebar.locator('#draft-done').waitFor();
    await poll(() => page.locator('#draft-count').textContent()).toBe('1');
    const download = page.waitForEvent('download');
    await sidebar.locator('#download-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await sidebar.locator('#download-done').waitFor();
  });

  it('say why when there is nothing to export yet, whichever sheet is open', async () => {
    await fillSettings(OFFICER);
    await sidebar.locator('#save').click();
    await sidebar.locator('.banner.ok').waitFor();
    await sidebar.locator('#tab-check').click();
    await page.locator('#tabs button', { hasText: ROSTER }).click();
    await sidebar.locator('#download-xlsx').click();
    const box = sidebar.locator('#correction-status .status.bad');
    await box.waitFor();
    expect(await plain(box)).toContain('ยังไม่มีแบบขอแก้ไข');
    await expect(box.isVisible()).resolves.toBe(true);
  });
});

describe('settings (major 3)', () => {
  it('a rejected save keeps every typed value and marks only the bad field', async () => {
    const typed = {
      schoolName: 'โรงเรียนบ้านหนองบัว',
      schoolCode: '123',
      officerName: 'ครูสมหญิง',
      officerPhone: '081-234-5678',
      asOf: '20/03/2570',
    };
    await fillSettings(typed);
    await sidebar.locator('#save').click();
    await sidebar.locator('.field-error[data-for="schoolCode"]').waitFor();
    for (const [name, value] of Object.entries(typed)) {
      expect(await sidebar.locator(`[name="${name}"]`).inputValue(), name).toBe(value);
    }
    expect(await sidebar.locator('[aria-invalid="true"]').count()).toBe(1);
    expect(await sidebar.locator('[name="schoolCode"]').getAttribute('aria-invalid')).toBe('true');
    expect(await sidebar.locator('.field-error').count()).toBe(1);
    // Switching the language keeps them too.
    await sidebar.locator('#lang-en').click();
    expect(await sidebar.locator('[name="officerName"]').inputValue()).toBe('ครูสมหญิง');
    expect(await plain(sidebar.locator('.field-error'))).toMatch(/digits/);
    await sidebar.locator('#lang-th').click();
    // A date that is no date is caught before it is sent, on its own field.
    await sidebar.locator('[name="schoolCode"]').fill('10100001');
    await sidebar.locator('[name="asOf"]').fill('31/02/2570');
    await sidebar.locator('#save').click();
    await sidebar.locator('.field-error[data-for="asOf"]').waitFor();
    expect(await sidebar.locator('[aria-invalid="true"]').count()).toBe(1);
    await sidebar.locator('[name="asOf"]').fill('20/03/2570');
    await sidebar.locator('#save').click();
    await sidebar.locator('.banner.ok').waitFor();
    // Stored as the ISO date the core reads; shown back as the user reads it.
    expect(await sidebar.locator('[name="asOf"]').inputValue()).toBe('20/03/2570');
    const stored = await page.request.post(`${playground.url}api/run/getSidebarState`, { data: [] });
    expect(((await stored.json()) as { data: { settings: { asOf: string } } }).data.settings.asOf).toBe('2027-03-20');
  });

  it('survive opening a file and resetting the playground', async () => {
    await fillSettings({ schoolName: 'โรงเรียนบ้านหนองบัว', officerName: 'ครูสมหญิง' });
    await sidebar.locator('#save').click();
    await sidebar.locator('.banner.ok').waitFor();
    await page.locator('#file').setInputFiles({
      name: 'ห้อง1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('เลขประจำตัวประชาชน,ชื่อ,นามสกุล\n1101700207030,สมชาย,ใจดี\n'),
    });
    await poll(() => plain(page.locator('#loaded'))).toContain('ห้อง1.csv');
    await poll(() => plain(sidebar.locator('#school'))).toBe('โรงเรียนบ้านหนองบัว');
    await page.locator('#reset').click();
    await poll(() => plain(page.locator('#loaded'))).toContain('roster.xlsx');
    await poll(() => plain(sidebar.locator('#school'))).toBe('โรงเรียนบ้านหนองบัว');
    await sidebar.locator('#tab-settings').click();
    expect(await sidebar.locator('[name="officerName"]').inputValue()).toBe('ครูสมหญิง');
  });
});

describe('opening a file that cannot be read (major 4)', () => {
  it('keeps the message until it is closed, in Thai then English, and the picker says what is loaded', async () => {
    await page.locator('#file').setInputFiles({
      name: 'นักเรียน.ods',
      mimeType: 'application/vnd.oasis.opendocument.spreadsheet',
      buffer: Buffer.from('PK\u0003\u0004 not really'),
    });
    const error = page.locator('#error');
    await error.waitFor();
    await page.waitForTimeout(2_000);
    await expect(error.isVisible()).resolves.toBe(true);
    expect(await plain(page.locator('#error-text'))).toContain('บันทึกเป็น .xlsx หรือ .csv');
    // The picker shows what is really loaded: still the example.
    expect(await plain(page.locator('#loaded'))).toContain('roster.xlsx');
    expect(await page.locator('#file').inputValue()).toBe('');
    // In English mode the same message is English.
    await sidebar.locator('#lang-en').click();
    await poll(() => plain(page.locator('#error-text'))).toContain('save as .xlsx or .csv');
    await poll(() => page.locator('#title').textContent()).toContain('playground');
    await page.locator('#file').setInputFiles({
      name: 'broken.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('PK\u0003\u0004 truncated'),
    });
    await poll(() => plain(page.locator('#error-text'))).toContain('broken.xlsx');
    await page.waitForTimeout(2_000);
    await expect(error.isVisible()).resolves.toBe(true);
    await page.locator('#error-close').click();
    await expect(error.isVisible()).resolves.toBe(false);
    await sidebar.locator('#lang-th').click();
  });
});
