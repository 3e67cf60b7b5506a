/**
 * npm run screenshots: every picture in docs/, made from the real playground in chromium (synthetic
 * students only): the README's two, the Marketplace listing's screenshots (1280 × 800), and the
 * add-on's icon at the sizes the listing asks for (from docs/icon.svg), plus its card banner.
 * Thai needs a Thai font on the machine (Debian: apt-get install fonts-thai-tlwg).
 */
import { readFile } from 'node:fs/promises';
import type { FrameLocator, Page } from 'playwright-core';
import { writeXlsx, type XlsxCell } from '../src/core/xlsx';
import { startPlayground } from '../src/playground/server';
import { launch } from '../test/support/browser';
import { cidOf, roster, wrongCheckDigit } from '../test/support/rules';

const OUT = 'docs';
const MARKET = 'docs/marketplace';
const SCHOOL = {
  schoolName: 'โรงเรียนบ้านตัวอย่าง',
  schoolCode: '10100001',
  districtOffice: 'สพป.ตัวอย่าง เขต 1',
  officerName: 'ครูสมใจ ตัวอย่าง',
  officerPhone: '081-234-5678',
  asOf: '2027-03-20',
};
const written: string[] = [];

const playground = await startPlayground({ port: 0 });
const browser = await launch();

async function fresh(
  settings: Record<string, unknown>,
  size = { width: 1280, height: 800 },
): Promise<{ page: Page; sidebar: FrameLocator }> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  await page.request.post(`${playground.url}api/reset`);
  await page.request.post(`${playground.url}api/run/saveSettings`, { data: [settings] });
  await page.goto(playground.url);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#check:not([disabled])').waitFor();
  return { page, sidebar };
}

async function check(sidebar: FrameLocator): Promise<void> {
  await sidebar.locator('#check').click();
  await sidebar.locator('#result:not([hidden])').waitFor();
  await sidebar.locator('#check:not([disabled])').waitFor();
}

async function shot(page: Page, path: string, target?: string): Promise<void> {
  await page.waitForTimeout(150);
  if (target) await page.locator(target).screenshot({ path });
  else await page.screenshot({ path });
  written.push(path);
}

const scrollSidebar = (page: Page, selector: string) =>
  page
    .frameLocator('#sidebar')
    .locator(selector)
    .evaluate((e) => e.scrollIntoView({ block: 'start' }));

try {
  // 1. The example checked, a finding selected: its cell, its note. (README and the listing.)
  {
    const { page, sidebar } = await fresh(SCHOOL, { width: 1280, height: 820 });
    await check(sidebar);
    await sidebar.locator('details.group[data-rule="prefix.gender"] button.finding').first().click();
    await page.locator('td.selected').waitFor();
    await sidebar.locator('body').evaluate(() => window.scrollTo(0, 0));
    await shot(page, `${OUT}/playground.png`);
    await shot(page, `${OUT}/sidebar.png`, '#sidebar');
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, `${MARKET}/screenshot-1-check.png`);
    await page.close();
  }

  // 2. A per-class workbook: findings by sheet, the dates and the skipped sheet stated.
  {
    const { page, sidebar } = await fresh(SCHOOL);
    const book = writeXlsx([
      { name: 'คำอธิบาย', rows: [['กรอกรายชื่อนักเรียนในแผ่นงานของแต่ละห้อง']] },
      {
        name: 'ป.6-1',
        rows: roster({ row: { cid: wrongCheckDigit(cidOf(11)) }, more: [{ prefix: 'ด.ญ.' }, {}, {}] }) as XlsxCell[][],
      },
      {
        name: 'ป.6-2',
        rows: roster({
          row: { cid: cidOf(21), sid: '30001' },
          more: [
            { dob: '31/02/2558', sid: '30002', cid: cidOf(22) },
            { sid: '30003', cid: cidOf(23), weight: '' },
          ],
        }) as XlsxCell[][],
      },
    ]);
    await page.locator('#file').setInputFiles({
      name: 'ห้องเรียน-ป6-2569.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(book),
    });
    await sidebar.locator('#check:not([disabled])').waitFor();
    await check(sidebar);
    await sidebar
      .locator('section.sheet-group[data-sheet="ป.6-2"] details.group[data-rule="dob.invalid"] button.finding')
      .click();
    await page.locator('td.selected').waitFor();
    await scrollSidebar(page, '#checked-sheet');
    await shot(page, `${MARKET}/screenshot-2-workbook.png`);
    await page.close();
  }

  // 3. The ID-correction form built and the email drafted (the simulated Gmail panel shows it).
  {
    const { page, sidebar } = await fresh(SCHOOL);
    await check(sidebar);
    await sidebar.locator('#build-form').click();
    await sidebar.locator('#correction-status .status').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('#grid')?.getAttribute('data-sheet')?.startsWith('แบบขอแก้ไข'),
    );
    await scrollSidebar(page, '#correction');
    await shot(page, `${MARKET}/screenshot-3-correction.png`);
    await page.close();
  }

  // 4. The settings, in Thai; 5. the same check in English.
  {
    const { page, sidebar } = await fresh(SCHOOL);
    await sidebar.locator('#tab-settings').click();
    await shot(page, `${MARKET}/screenshot-4-settings.png`);
    await page.close();
  }
  {
    const { page, sidebar } = await fresh({ ...SCHOOL, language: 'en' });
    await check(sidebar);
    await sidebar.locator('details.group[data-rule="cid.checksum"] button.finding').first().click();
    await page.locator('td.selected').waitFor();
    await sidebar.locator('body').evaluate(() => window.scrollTo(0, 0));
    await shot(page, `${MARKET}/screenshot-5-english.png`);
    await page.close();
  }

  // The icon at the listing's sizes, transparent around its rounded square; and the card banner.
  {
    const svg = await readFile(`${OUT}/icon.svg`, 'utf8');
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of [32, 48, 96, 128]) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      const path = `${MARKET}/icon-${size}.png`;
      await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      written.push(path);
    }
    await page.setViewportSize({ width: 220, height: 140 });
    await page.setContent(
      `<style>
        html,body{margin:0}
        body{width:220px;height:140px;display:flex;align-items:center;gap:10px;padding:0 14px;box-sizing:border-box;
          background:#e6f4ea;font-family:Sarabun,'Noto Sans Thai',Loma,sans-serif;color:#0d652d}
        svg{width:64px;height:64px;flex:none}
        b{display:block;font-size:16px;line-height:1.25;white-space:nowrap}
        span{font-size:12px;line-height:1.3;color:#202124}
      </style>${svg}<div><b>ตรวจข้อมูล DMC</b><span>ตรวจรายชื่อนักเรียนก่อนยืนยันข้อมูล</span></div>`,
    );
    await page.screenshot({ path: `${MARKET}/card-banner-220x140.png` });
    written.push(`${MARKET}/card-banner-220x140.png`);
    await page.close();
  }
  console.log(`wrote ${written.join(', ')}`);
} finally {
  await browser.close();
  await playground.close();
}
