/**
 * npm run screenshots: docs/playground.png and docs/sidebar.png, taken from the real playground in
 * chromium after checking the example roster (end-of-year settings, so the phase-3 reminder shows).
 */
import { startPlayground } from '../src/playground/server';
import { launch } from '../test/support/browser';

const playground = await startPlayground({ port: 0 });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 });
  await page.goto(playground.url);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#tab-settings').click();
  const fill = async (name: string, value: string) => sidebar.locator(`[name="${name}"]`).fill(value);
  await fill('schoolName', 'โรงเรียนบ้านตัวอย่าง');
  await fill('schoolCode', '10100001');
  await fill('officerName', 'ครูสมใจ ตัวอย่าง');
  await fill('officerPhone', '081-234-5678');
  await fill('asOf', '2027-03-20');
  await sidebar.locator('#save').click();
  await sidebar.locator('.banner.ok').waitFor();
  await sidebar.locator('#tab-check').click();
  await sidebar.locator('#check').click();
  await sidebar.locator('#result:not([hidden])').waitFor();
  await sidebar.locator('details.group[data-rule="prefix.gender"] summary').click();
  await sidebar.locator('details.group[data-rule="prefix.gender"] button.finding').first().click();
  await page.locator('td.selected').waitFor();
  await sidebar.locator('body').evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/playground.png' });
  await page.locator('#sidebar').screenshot({ path: 'docs/sidebar.png' });
  console.log('wrote docs/playground.png and docs/sidebar.png');
} finally {
  await browser.close();
  await playground.close();
}
