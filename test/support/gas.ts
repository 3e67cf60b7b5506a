/**
 * Loads the built bundle (dist/Code.js) with gas-local, as Apps Script would, over the in-memory fakes.
 * Tests call the top-level functions the bundle declares, exactly as google.script.run does.
 */
import { existsSync, readFileSync } from 'node:fs';
import gas from 'gas-local';
import { createServices, type Value } from '../../src/fakes/index';

/** The bundle under test: dist/ of this tree, or another build (DMC_DIST) to show a test fails on older code. */
const DIST = process.env.DMC_DIST ?? new URL('../../dist', import.meta.url).pathname;

/** The sidebar file when built; otherwise a page carrying the view marker the server rewrites. */
function sidebarHtml(): string {
  const built = `${DIST}/Sidebar.html`;
  return existsSync(built) ? readFileSync(built, 'utf8') : '<body data-view="check"></body>';
}

export type Addon = ReturnType<typeof loadAddon>;

export function loadAddon(sheets: Record<string, Value[][]> = {}) {
  const services = createServices({ html: { Sidebar: sidebarHtml() } });
  const names = Object.keys(sheets);
  names.forEach((name, i) => {
    if (i === 0) services.spreadsheet.loadFirst(name, sheets[name]!);
    else services.spreadsheet.addSheet(name, sheets[name]!);
  });
  const context = gas.require(DIST, { ...services.globals }, { filter: (p) => p.endsWith('/Code.js') });
  // Everything the bundle declares at top level, callable as Apps Script would.
  const call = <T = unknown>(name: string, ...args: unknown[]): T => {
    const fn = context[name];
    if (typeof fn !== 'function') throw new Error(`the bundle has no top-level function ${name}`);
    return (fn as (...a: unknown[]) => T)(...args);
  };
  /** Everything a test can change, saved and put back: one bundle load serves many cases. */
  const save = () => ({
    spreadsheet: services.spreadsheet.saveState(),
    properties: services.documentProperties.saveState(),
  });
  const restore = (state: ReturnType<typeof save>) => {
    services.spreadsheet.restoreState(state.spreadsheet);
    services.documentProperties.restoreState(state.properties);
    services.lock.held = false;
    services.calls.disarm();
  };
  return {
    ...services,
    context,
    call,
    save,
    restore,
    sheet: (name: string) => services.spreadsheet.allSheets().find((s) => s.name === name)!,
  };
}
