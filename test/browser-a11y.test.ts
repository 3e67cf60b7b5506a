/**
 * Accessibility in chromium with axe-core (WCAG 2.x A/AA and best practices), on the sidebar and the
 * playground page, before and after a check: no serious or critical violation; every finding reachable
 * from the keyboard is tested in browser-sidebar.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPlayground, type Playground } from '../src/playground/server';
import { launch } from './support/browser';

/** Waits for a value as a busy machine may need: slower than vitest's one-second default. */
// A real browser on a shared two-core machine: generous limits, so a slow moment is not a failure.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
const poll = <T>(fn: () => T | Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

let playground: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.request.post(`${playground.url}api/reset`);
  await page.request.post(`${playground.url}api/run/saveSettings`, { data: [{ asOf: '2027-03-20' }] });
  await page.goto(playground.url);
  await page.frameLocator('#sidebar').locator('#check:not([disabled])').waitFor();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

/** axe's violations in one document (the sidebar frame is checked on its own). */
async function audit(target: Page | Frame): Promise<Violation[]> {
  await target.evaluate(AXE);
  return target.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run(c: Document, o: object): Promise<{ violations: Violation[] }> };
        }
      ).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, iframes: false, resultTypes: ['violations'] })
        .then((r) =>
          r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target })),
          })),
        ),
    TAGS,
  );
}

const sidebarFrame = () => page.frame({ url: /\/sidebar$/ })!;
const serious = (vs: Violation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
const summary = (vs: Violation[]) =>
  vs.map(
    (v) =>
      `${v.impact} ${v.id} ×${v.nodes.length}: ${v.help} (${v.nodes
        .slice(0, 3)
        .map((n) => String(n.target))
        .join(' | ')})`,
  );
const seen: Record<string, string[]> = {};

describe('axe-core', () => {
  it('finds no serious or critical violation before a check', async () => {
    const side = await audit(sidebarFrame());
    const grid = await audit(page);
    seen['sidebar, before'] = summary(side);
    seen['playground, before'] = summary(grid);
    expect(summary(serious(side))).toEqual([]);
    expect(summary(serious(grid))).toEqual([]);
  });

  it('finds no serious or critical violation after a check, in the settings, and with the form built', async () => {
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#check').click();
    await sidebar.locator('#result:not([hidden])').waitFor();
    await page.locator('#grid td.has-note').first().waitFor();
    const side = await audit(sidebarFrame());
    const grid = await audit(page);
    seen['sidebar, after'] = summary(side);
    seen['playground, after'] = summary(grid);
    expect(summary(serious(side))).toEqual([]);
    expect(summary(serious(grid))).toEqual([]);
    await sidebar.locator('#build-form').click();
    await sidebar.locator('#correction-status .status').waitFor();
    await sidebar.locator('#tab-settings').click();
    await sidebar.locator('#save').click();
    const settings = await audit(sidebarFrame());
    seen['sidebar, settings'] = summary(settings);
    expect(summary(serious(settings))).toEqual([]);
    expect(summary(serious(await audit(page)))).toEqual([]);
    // What axe still reports (moderate or minor), for the record.
    console.log(JSON.stringify(seen, null, 1));
  });

  it('gives the sidebar a title, one level-one heading and landmarks; the grid scrolls from the keyboard', async () => {
    const f = sidebarFrame();
    expect(await f.title()).not.toBe('');
    expect(await f.locator('h1').count()).toBe(1);
    expect(await f.locator('header').count()).toBe(1);
    expect(await f.locator('main').count()).toBe(1);
    expect(await f.locator('nav').count()).toBe(1);
    // The roster is longer than the window: its grid must scroll from the keyboard.
    await page.locator('#tabs button', { hasText: 'นักเรียน' }).click();
    await poll(() => page.locator('#grid').getAttribute('data-sheet')).toBe('นักเรียน');
    const wrap = page.locator('#grid-wrap');
    expect(await wrap.getAttribute('tabindex')).toBe('0');
    await wrap.focus();
    const before = await wrap.evaluate((e) => e.scrollTop);
    await page.keyboard.press('PageDown');
    await poll(() => wrap.evaluate((e) => e.scrollTop)).toBeGreaterThan(before);
    expect(await page.locator('#grid th:empty').count()).toBe(0);
  });
});
