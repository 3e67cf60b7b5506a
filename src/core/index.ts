/** The core's public API: what the server, the command and the playground use. */
export {
  validate,
  validateSources,
  validateWorkbook,
  type SheetInput,
  type SheetReport,
  type ValidateOptions,
  type WorkbookInput,
  type WorkbookReport,
} from './validate';
export { describeDates, resolveDates } from './check-date';
export { RULES, RULE_BY_ID, ruleInfo, type RuleInfo } from './catalogue';
export {
  reconcile,
  reconcileCorrectionRows,
  isDmcDownload,
  MATCH_REASON,
  type ExamTable,
  type IdDiffer,
  type Match,
  type MatchKind,
  type MatchReason,
  type ReconcileFormRow,
  type ReconcileOptions,
  type ReconcileResult,
  type ReconcileSummary,
} from './reconcile';
export * from './types';
export * from './settings';
export { parseCid, isValidCid, isGcode, maskCid, maskCidsIn, formatCid, withCheckDigit, checkDigit } from './thai-id';
export { parseDateCell, parseDateText, formatBE, formatLong, parseIso, toIso, type Ymd } from './dates';
export { mapHeaders, columnLetter, a1, cellText } from './headers';
export { neutraliseFormula } from './text';
export { SEVERITY_LABEL, GENDER_LABEL } from './labels';
