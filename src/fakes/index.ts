/**
 * In-memory Apps Script services for tests and the playground; never bundled into dist/Code.js.
 * `createServices()` returns the globals a script sees (SpreadsheetApp, HtmlService, …) and handles
 * to inspect them.
 */
import { CallLog } from './calls';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeGmail, FakeHtmlService, FakeLock, FakeProperties, FakeUi, fakeUtilities } from './services';

export { CallLog, DATA_CALL, TIME_LIMIT } from './calls';
export {
  FakeSpreadsheet,
  FakeSheet,
  FakeRange,
  parseA1,
  compareCells,
  OUTSIDE,
  NEW_SHEET_ROWS,
  NEW_SHEET_COLUMNS,
  type Value,
  type SortSpec,
} from './spreadsheet';
export { PARTIAL_MERGE, SORT_MERGE } from './merges';
export { FakeUi, FakeLock, FakeProperties, FakeHtmlOutput, FakeGmail, type Menu, type FakeDraft } from './services';

export interface ServicesOptions {
  /** HTML files of the project by name, e.g. { Sidebar: html }. */
  html?: Record<string, string>;
  /** Where console output goes (tests keep it to look for leaked IDs). */
  log?: string[];
}

export function createServices(options: ServicesOptions = {}) {
  const calls = new CallLog();
  const spreadsheet = new FakeSpreadsheet(calls);
  const ui = new FakeUi(calls);
  const documentProperties = new FakeProperties(calls, 'DocumentProperties');
  const userProperties = new FakeProperties(calls, 'UserProperties');
  const lock = new FakeLock(calls);
  const gmail = new FakeGmail(calls);
  const log = options.log ?? [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      log.push(
        `${level}: ${args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`,
      );

  const globals = {
    SpreadsheetApp: {
      getActiveSpreadsheet() {
        calls.count('SpreadsheetApp.getActiveSpreadsheet');
        return spreadsheet;
      },
      getActive() {
        calls.count('SpreadsheetApp.getActive');
        return spreadsheet;
      },
      getUi() {
        calls.count('SpreadsheetApp.getUi');
        return ui;
      },
      flush() {
        calls.count('SpreadsheetApp.flush');
      },
    },
    HtmlService: new FakeHtmlService(calls, options.html ?? {}),
    PropertiesService: {
      getDocumentProperties() {
        calls.count('PropertiesService.getDocumentProperties');
        return documentProperties;
      },
      getUserProperties() {
        calls.count('PropertiesService.getUserProperties');
        return userProperties;
      },
    },
    LockService: {
      getDocumentLock() {
        calls.count('LockService.getDocumentLock');
        return lock;
      },
    },
    Utilities: fakeUtilities(calls),
    Gmail: gmail,
    Session: {
      getScriptTimeZone() {
        calls.count('Session.getScriptTimeZone');
        return 'Asia/Bangkok';
      },
    },
    Logger: { log: record('log') },
    console: { log: record('log'), info: record('info'), warn: record('warn'), error: record('error') },
  };
  return { globals, calls, spreadsheet, ui, documentProperties, lock, gmail, log };
}

export type Services = ReturnType<typeof createServices>;
