/**
 * The playground in chromium, as the browser tests drive it: one playground and one page for a test file
 * (a new page costs more than most tests), reset and reloaded before each test. `page`, `sidebar` and
 * `playground` are live bindings, set by the hooks `usePlaygroundPage` registers.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { startPlayground, type Playground } from '../../src/playground/server';
import type { SettingsInput } from '../../src/core/settings';
import { launch } from './browser';

export let playground: Playground;
export let page: Page;
export let sidebar: FrameLocator;
let browser: Browser;

/**
 * Registers the file's hooks: before each test the playground is reset, its settings saved as
 * `settings` (they outlive a reset: they are the teacher's), the page reloaded and the sidebar ready;
 * after each, the viewport is put back.
 */
export function usePlaygroundPage(viewport: { width: number; height: number }, settings: SettingsInput = {}): void {
  // A real browser on a shared two-core machine: generous limits, so a slow moment is not a failure.
  vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
  beforeAll(async () => {
    playground = await startPlayground({ port: 0 });
    browser = await launch();
    page = await browser.newPage({ viewport });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });
  beforeEach(async () => {
    await page.request.post(`${playground.url}api/reset`);
    await page.request.post(`${playground.url}api/run/saveSettings`, { data: [settings] });
    await page.goto(playground.url);
    sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#check:not([disabled])').waitFor();
  }, 60_000);
  afterEach(async () => {
    await page.setViewportSize(viewport);
  });
}

/** Waits for a value as a busy machine may need: slower than vitest's one-second default. */
export const poll = <T>(fn: () => T | Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });

/** Text as the user reads it, without the invisible joiners that keep Thai words whole. */
export const plain = async (l: { textContent(): Promise<string | null> }) =>
  ((await l.textContent()) ?? '').replace(/\u2060/g, '');

/** Presses "ตรวจ" and waits for the result. */
export async function check(): Promise<void> {
  await sidebar.locator('#check').click();
  await sidebar.locator('#result:not([hidden])').waitFor();
  await sidebar.locator('#check:not([disabled])').waitFor();
}
