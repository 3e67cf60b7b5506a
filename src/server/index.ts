/**
 * Apps Script entry points: build.mjs declares a top-level function for every export here.
 * Thin on purpose: rules live in src/core, service adapters beside this file.
 */
import { currentRound, type Round } from '../core/calendar';
import { ruleInfo, type RuleInfo } from '../core/catalogue';
import { parseIso, parseSettingsDate } from '../core/dates';
import type { FixKind } from '../core/fixes';
import type { Settings } from '../core/settings';
import type { Msg } from '../core/types';
import { runCheck, type CheckData } from './check';
import { buildForm, createDraft, downloadXlsx, type DraftData, type FormData } from './correction';
import {
  applySelection,
  planPreview,
  undoAll,
  type FixApplied,
  type FixPreview,
  type FixSelection,
  type FixUndone,
} from './fixes';
import { clearAllMarks } from './marks';
import { M } from './messages';
import { safely, UserError, withDocumentLock, type Result } from './result';
import { loadSettings, storeSettings, type SaveOutcome } from './settings-store';
import { rosterCandidates } from './sheets';
import { runReconcile, type ReconcileData } from './reconcile';

export type { CheckData, DraftData, FormData, Result, RuleInfo, SaveOutcome, Settings };
export type { FixApplied, FixKind, FixPreview, FixSelection, FixUndone };
export type { FixGroup, FixItem, FixKindCount, ValueType } from './fixes';
export type { ReconcileData };

export interface SidebarState {
  settings: Settings;
  notices: Msg[];
  round: Round;
  rules: RuleInfo[];
  sheets: string[];
  activeSheet: string;
}

// ---------------------------------------------------------------- menu and sidebar

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createMenu(M.menu.title)
    .addItem(M.menu.open, 'openSidebar')
    .addItem(M.menu.check, 'menuCheck')
    .addItem(M.menu.clear, 'menuClear')
    .addSeparator()
    .addItem(M.menu.settings, 'menuSettings')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

function showSidebar(view: 'check' | 'settings'): void {
  const file = HtmlService.createHtmlOutputFromFile('Sidebar');
  const html =
    view === 'check'
      ? file
      : HtmlService.createHtmlOutput(file.getContent().replace('data-view="check"', `data-view="${view}"`));
  SpreadsheetApp.getUi().showSidebar(html.setTitle(M.sidebarTitle));
}

export function openSidebar(): void {
  showSidebar('check');
}

export function menuSettings(): void {
  showSidebar('settings');
}

/** Menu "ตรวจสอบทันที": the check without the sidebar; the outcome as a toast, a failure as an alert. */
export function menuCheck(): void {
  const r = checkRoster();
  if (r.ok) {
    const b = r.data.summary.bySeverity;
    SpreadsheetApp.getActiveSpreadsheet().toast(M.checked(b.error, b.warning, b.info).th, M.menu.title);
  } else SpreadsheetApp.getUi().alert(r.error.th);
}

export function menuClear(): void {
  const r = clearMarks();
  if (r.ok) SpreadsheetApp.getActiveSpreadsheet().toast(r.data.th, M.menu.title);
  else SpreadsheetApp.getUi().alert(r.error.th);
}

// ---------------------------------------------------------------- called by the sidebar

export function checkRoster(): Result<CheckData> {
  return safely('checkRoster', runCheck);
}

export function clearMarks(): Result<Msg> {
  return safely('clearMarks', () =>
    withDocumentLock(() => {
      const outcome = clearAllMarks(SpreadsheetApp.getActiveSpreadsheet());
      if (!outcome.found) throw new UserError(M.nothingToClear);
      return M.cleared(outcome);
    }),
  );
}

export function saveSettings(input: unknown): Result<SaveOutcome> {
  return safely('saveSettings', () => storeSettings(input));
}

/** Selects a finding's cell: the sheet becomes active and the cell selected. */
export function activateCell(sheetName: string, a1: string): Result<string> {
  return safely('activateCell', () => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(String(sheetName));
    if (!sheet) throw new UserError(M.noSheet(String(sheetName)));
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(String(a1))) throw new UserError(M.badCell(String(a1)));
    sheet.getRange(a1).activate();
    return a1;
  });
}

/** Everything the sidebar needs when it opens, in one round trip. */
export function getSidebarState(): Result<SidebarState> {
  return safely('getSidebarState', () => {
    const { settings, notices } = loadSettings();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    // The countdown reads the check date when one is set, so a rehearsal shows that day's round.
    const stamp = Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm');
    const today = parseSettingsDate(settings.asOf)?.date ?? parseIso(stamp.slice(0, 10))!;
    const minutes = settings.asOf ? 12 * 60 : Number(stamp.slice(11, 13)) * 60 + Number(stamp.slice(14, 16));
    return {
      settings,
      notices,
      round: currentRound({ date: today, minutes }, settings),
      rules: ruleInfo(),
      sheets: rosterCandidates(ss),
      activeSheet: ss.getActiveSheet().getName(),
    };
  });
}

// ---------------------------------------------------------------- ID correction

/** Builds or refreshes the ID-correction form; typed new IDs are kept, bad ones marked. */
export function buildCorrectionForm(): Result<FormData> {
  return safely('buildCorrectionForm', () => withDocumentLock(buildForm));
}

/** A Gmail draft to OBEC with the form attached (never sent by the add-on). */
export function draftCorrectionEmail(): Result<DraftData> {
  return safely('draftCorrectionEmail', () => withDocumentLock(createDraft));
}

/** The form as .xlsx (base64), for schools that send mail another way. */
export function downloadCorrectionXlsx(): Result<{ filename: string; base64: string; rows: number }> {
  return safely('downloadCorrectionXlsx', () => withDocumentLock(downloadXlsx));
}

// ---------------------------------------------------------------- fixes (issue 14)

/** What the chosen kinds would fix on the sheets a check covers, grouped by kind (all kinds when none given). */
export function previewFixes(kinds?: FixKind[]): Result<FixPreview> {
  return safely('previewFixes', () => planPreview(kinds));
}

/** "แก้ตามที่เลือก": writes the chosen fixes (undo record first), then checks again. */
export function applySelectedFixes(selection: FixSelection): Result<FixApplied> {
  return safely('applySelectedFixes', () => applySelection(selection));
}

/** "ย้อนการแก้": every fixed cell not changed since gets back its value and format, then checks again. */
export function undoFixes(): Result<FixUndone> {
  return safely('undoFixes', undoAll);
}

// ---------------------------------------------------------------- reconciliation with DMC (issue 13)

/** "เทียบกับข้อมูล DMC": the roster beside the DMC download sheet; marks on both, a part in the results sheet. */
export function reconcileWithDmc(): Result<ReconcileData> {
  return safely('reconcileWithDmc', () => withDocumentLock(runReconcile));
}
