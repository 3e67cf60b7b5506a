/**
 * The sidebar in a real browser (Debian chromium through playwright-core), against the playground:
 * the real dist/Sidebar.html talking to the real dist/Code.js over the fakes.
 */
import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPlayground, type Playground } from '../src/playground/server';
import { launch } from './support/browser';
import { roster } from './support/rules';

/** Waits for a value as a busy machine may need: slower than vitest's one-second default. */
// A real browser on a shared two-core machine: generous limits, so a slow moment is not a failure.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
const poll = <T>(fn: () => T | Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });

const AS_OF = '2027-03-20';
const EXAMPLE = new URL('../examples/roster.xlsx', import.meta.url).pathname;
const BIN = new URL('../bin/dmc-check.mjs', import.meta.url).pathname;

let playground: Playground;
let browser: Browser;
let page: Page;
let sidebar: FrameLocator;
const dialogs: string[] = [];

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.request.post(`${playground.url}api/reset`);
  await page.goto(playground.url);
  sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#check:not([disabled])').waitFor();
}, 60_000);

/** Text as the user reads it: without the invisible joiners that keep Thai words whole on a line. */
const plain = async (l: { textContent(): Promise<string | null> }) =>
  ((await l.textContent()) ?? '').replace(/\u2060/g, '');

async function settings(values: Record<string, string>) {
  await sidebar.locator('#tab-settings').click();
  for (const [name, value] of Object.entries(values)) await sidebar.locator(`[name="${name}"]`).fill(value);
  await sidebar.locator('#save').click();
}

async function check() {
  await sidebar.locator('#check').click();
  await sidebar.locator('#result:not([hidden])').waitFor();
  await sidebar.locator('#check:not([disabled])').waitFor();
}

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      ['error', 'warning', 'info'].map(async (sev) => [
        sev,
        Number(await sidebar.locator(`.count.${sev} b`).textContent()),
      ]),
    ),
  );

/** The grid's backgrounds, cell by cell, as the page draws them. */
const gridBackgrounds = () =>
  page
    .locator('#grid td[data-cell]')
    .evaluateAll((tds) =>
      tds.map((td) => `${(td as HTMLElement).dataset.cell}=${(td as HTMLElement).style.backgroundColor}`),
    );

describe('the sidebar in chromium', () => {
  it('checks the example: the counts equal dmc-check --format json on the same file', async () => {
    await settings({ asOf: AS_OF });
    await sidebar.locator('.banner.ok').waitFor();
    await sidebar.locator('#tab-check').click();
    await check();
    const cli = await promisify(execFile)(process.execPath, [BIN, EXAMPLE, '--format', 'json', '--as-of', AS_OF]).catch(
      (e: { stdout: string }) => e,
    );
    const expected = JSON.parse(cli.stdout).summary.bySeverity;
    expect(await counts()).toEqual(expected);
    expect(await sidebar.locator('#takers-table tr.total td').last().textContent()).toBe(
      String(JSON.parse(cli.stdout).summary.examTakers.total.total),
    );
  });

  it('selects the cell of a clicked finding in the grid', async () => {
    await check();
    // With few findings every group is open.
    const button = sidebar.locator('details.group[data-rule="prefix.gender"] button.finding').first();
    const cell = (await button.textContent())!;
    await button.click();
    await poll(() => page.locator('#grid td.selected').getAttribute('data-cell')).toBe(cell);
  });

  it('clear puts the grid’s backgrounds back as they were', async () => {
    const before = await gridBackgrounds();
    await check();
    await poll(async () => (await gridBackgrounds()).filter((b) => !b.endsWith('=')).length).toBeGreaterThan(5);
    await sidebar.locator('#clear').click();
    await sidebar.locator('.banner.ok').waitFor();
    await poll(gridBackgrounds).toEqual(before);
  });

  it('saves settings, shows field errors in place, and keeps them after a reload', async () => {
    await settings({ schoolCode: '123' });
    await expect(sidebar.locator('.field-error[data-for="schoolCode"]').textContent()).resolves.toContain('8 หลัก');
    await settings({ schoolCode: '10100001', schoolName: 'โรงเรียนบ้านตัวอย่าง', officerName: 'ครูสมใจ' });
    await sidebar.locator('.banner.ok').waitFor();
    await page.reload();
    sidebar = page.frameLocator('#sidebar');
    await poll(() => sidebar.locator('#school').textContent()).toBe('โรงเรียนบ้านตัวอย่าง (10100001)');
    await sidebar.locator('#tab-settings').click();
    await expect(sidebar.locator('[name="officerName"]').inputValue()).resolves.toBe('ครูสมใจ');
  });

  it('shows hostile sheet text as text: no markup, no script', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const dir = mkdtempSync(join(tmpdir(), 'dmc-browser-'));
    const file = join(dir, 'hostile.csv');
    const rows = roster({ row: { firstName: hostile, gender: '<b>X</b>' } });
    writeFileSync(file, rows.map((r) => r.map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`).join(',')).join('\n'));
    await page.locator('#file').setInputFiles(file);
    await sidebar.locator('#check:not([disabled])').waitFor();
    await check();
    const group = sidebar.locator('details.group[data-rule="name.invalid-chars"]');
    await expect(group.textContent()).resolves.toContain(hostile);
    expect(await sidebar.locator('img').count()).toBe(0);
    expect(await sidebar.locator('details b').count()).toBe(0);
    expect(await page.locator('#grid img').count()).toBe(0);
    await expect(page.locator('#grid').textContent()).resolves.toContain(hostile);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
  });

  it('switches the messages to English and back', async () => {
    await check();
    await expect(sidebar.locator('.count.error').textContent()).resolves.toContain('ข้อผิดพลาด');
    await sidebar.locator('#lang-en').click();
    await expect(sidebar.locator('.count.error').textContent()).resolves.toContain('Errors');
    await expect(sidebar.locator('#check').textContent()).resolves.toBe('Check');
    await expect(sidebar.locator('details.group summary').first().textContent()).resolves.toMatch(/^[A-Z]/);
    await sidebar.locator('#lang-th').click();
    await expect(sidebar.locator('#check').textContent()).resolves.toBe('ตรวจสอบ');
  });

  it('shows a server failure as a message, never a blank sidebar', async () => {
    await page.route('**/api/run/checkRoster', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await sidebar.locator('#check').click();
    await poll(() => sidebar.locator('#banner').textContent()).toContain('ลองใหม่');
    await expect(sidebar.locator('#check').isEnabled()).resolves.toBe(true);
  });
});

describe('ID correction in chromium', () => {
  /** Types into a cell of the playground's grid, as a teacher types into the sheet. */
  async function type(sheet: string, cell: string, value: string) {
    await page.locator('#tabs button', { hasText: sheet }).click();
    // The tab's sheet is drawn before typing, as a teacher waits to see it.
    await poll(() => page.locator('#grid').getAttribute('data-sheet')).toBe(sheet);
    await page.locator(`#grid td[data-cell="${cell}"]`).dblclick();
    await page.locator(`#grid td[data-cell="${cell}"] input`).fill(value);
    await page.locator(`#grid td[data-cell="${cell}"] input`).press('Enter');
    await poll(() => page.locator(`#grid td[data-cell="${cell}"]`).textContent()).toBe(value);
  }

  it('check → form → draft: the Drafts panel shows the email with the form attached', async () => {
    await settings({
      asOf: AS_OF,
      officerName: 'ครูสมใจ ใจดี',
      officerPhone: '081-234-5678',
      schoolName: 'โรงเรียนบ้านตัวอย่าง',
    });
    await sidebar.locator('.banner.ok').waitFor();
    await sidebar.locator('#tab-check').click();
    await check();
    await sidebar.locator('#build-form').click();
    await poll(() => plain(sidebar.locator('#correction-status'))).toContain('กรอกเลขประจำตัวใหม่');
    // The officer types the right IDs from the cards into the red cells.
    const form = 'แบบขอแก้ไขเลขประจำตัวประชาชน';
    await page.locator('#tabs button', { hasText: form }).click();
    const red = await page
      .locator('#grid td[data-cell^="L"]')
      .evaluateAll((tds) =>
        tds
          .filter((td) => (td as HTMLElement).style.backgroundColor === 'rgb(244, 199, 195)')
          .map((td) => (td as HTMLElement).dataset.cell!),
      );
    expect(red.length).toBeGreaterThan(1);
    const { withCheckDigit } = await import('../src/core/thai-id');
    for (const [i, cell] of red.entries()) await type(form, cell, withCheckDigit(`18899000001${i}`));
    await sidebar.locator('#draft-email').click();
    await sidebar.locator('#draft-done').waitFor();
    await expect(sidebar.locator('#draft-done').textContent()).resolves.toContain('bopp.dmc@gmail.com');
    await poll(() => page.locator('#draft-count').textContent()).toBe('1');
    const draft = page.locator('#draft-list .draft').first();
    await expect(draft.textContent()).resolves.toContain('ขอแก้ไขเลขประจำตัวประชาชนนักเรียน โรงเรียนบ้านตัวอย่าง');
    await expect(draft.locator('pre').textContent()).resolves.toContain('081-234-5678');
    const link = draft.locator('a[download]');
    await expect(link.textContent()).resolves.toContain('.xlsx');
    const download = await page.request.get(new URL((await link.getAttribute('href'))!, playground.url).href);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK');
  });
});
