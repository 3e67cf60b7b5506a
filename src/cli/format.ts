/**
 * The command's three outputs: a readable report, JSON, CSV. Text taken from cells never reaches the
 * terminal as control or escape sequences, and citizen IDs are masked unless `showIds` is set
 * (RULES.md, "Citizen IDs in reports").
 */
import { describeDates } from '../core/check-date';
import { GENDER_LABEL, SEVERITY_LABEL } from '../core/labels';
import { maskCid } from '../core/thai-id';
import { neutraliseFormula } from '../core/text';
import { SEVERITIES, type Finding, type FieldKey, type Lang, type Msg, type Report, type Summary } from '../core/types';

/** A sheet the command did not check (no recognisable header), and why. */
export interface Skipped {
  sheet: string;
  reason: Msg;
}

/**
 * One checked sheet of one file. The first report of each file may carry the file's skipped sheets.
 * The dates line comes from `summary.dates` (describeDates), unless `dates` gives the line itself.
 */
export type FileReport = { source: string; sheet?: string; skipped?: Skipped[]; dates?: Msg | string } & Report;

export interface FormatOptions {
  lang?: Lang;
  /** Print citizen IDs whole (default: masked 1-xxxx-xxxxx-xx-0). */
  showIds?: boolean;
  /** Indented JSON (default: compact). */
  pretty?: boolean;
}

export const optionsOf = (o: Lang | FormatOptions | undefined): Required<FormatOptions> => {
  const opts = typeof o === 'string' ? { lang: o } : (o ?? {});
  return { lang: opts.lang ?? 'th', showIds: opts.showIds ?? false, pretty: opts.pretty ?? false };
};

/**
 * The reports of one workbook (the core's WorkbookReport) as FileReports: each sheet's report with
 * the file name, the skipped sheets on the first. A CSV's sheet ('') is no sheet.
 */
export function workbookReports(
  source: string,
  wb: { reports: ReadonlyArray<Report & { sheet?: string }>; skipped?: readonly Skipped[] },
): FileReport[] {
  return wb.reports.map((r, i) => {
    const out: FileReport = { ...r, source };
    if (!r.sheet) delete out.sheet;
    if (i === 0 && wb.skipped?.length) out.skipped = [...wb.skipped];
    return out;
  });
}

// ——— What cells may not do to a terminal ———

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// CSI (ESC [ … final), OSC and the other string commands (ESC ] P X ^ _ … BEL or ST), in 7 and 8 bits.
const SEQUENCES =
  // eslint-disable-next-line no-control-regex -- stripping control sequences is the point
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\s\S]?/g;
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print: escape sequences (colours, clear screen, window titles, OSC 8 links) removed
 * whole, other C0/C1 controls and bidirectional overrides and isolates removed, tabs and line breaks
 * made spaces so a value stays on its line.
 */
export function stripControls(s: string): string {
  if (!ANY_CONTROL.test(s)) return s;
  return s
    .replace(SEQUENCES, '')
    .replace(CONTROLS, '')
    .replace(/[\t\n\r]/g, ' ');
}

// ——— Citizen IDs ———

const DIGIT = '[0-9\\u0e50-\\u0e59]';
/** 12 or 13 digits (Arabic or Thai), each pair separated by at most two spaces, dots or dashes. */
const ID_RUN = new RegExp(`(?<!${DIGIT})${DIGIT}(?:[\\s.\\-\\u2010-\\u2015]{0,2}${DIGIT}){11,12}(?!${DIGIT})`, 'g');
const ID_FIELDS: ReadonlySet<FieldKey> = new Set(['cid', 'fatherCid', 'motherCid', 'guardianCid']);
const ARABIC = (d: string) => String(d.charCodeAt(0) >= 0x0e50 ? d.charCodeAt(0) - 0x0e50 : d);

/**
 * Every 12- or 13-digit run in free text masked, however it is written ("1 2345 67890 12 3",
 * "1.2345.67890.12.3", Thai digits): maskCidsIn in core sees only Arabic digits with single spaces
 * or dashes.
 */
export function maskIdsIn(text: string): string {
  return text.replace(ID_RUN, (m) => maskCid(m.replace(/[\u0e50-\u0e59]/g, ARABIC)));
}

/**
 * An ID column's value: fully masked when it compacts to 13 digits; otherwise every digit but the
 * first and last hidden once it has six or more (a 12-digit ID missing its 0, "1.10170020703E+12").
 */
export function maskIdValue(value: string): string {
  const digits = value.match(/[0-9\u0e50-\u0e59]/g)?.length ?? 0;
  if (digits < 6) return value;
  const whole = maskIdsIn(value);
  if (whole !== value) return whole;
  let seen = 0;
  return value.replace(/[0-9\u0e50-\u0e59]/g, (d) => (++seen === 1 || seen === digits ? ARABIC(d) : 'x'));
}

/** What a finding may show: controls stripped (for text and CSV), IDs masked unless asked. */
export function shown(f: Finding, o: Required<FormatOptions>, strip: boolean): Finding {
  const clean = strip ? stripControls : (s: string) => s;
  const mask = o.showIds ? (s: string) => s : maskIdsIn;
  const value = clean(f.value ?? '');
  return {
    ...f,
    column: f.column === null ? null : mask(clean(f.column)),
    value: o.showIds ? value : f.field && ID_FIELDS.has(f.field) ? maskIdValue(value) : maskIdsIn(value),
    message: { th: mask(clean(f.message.th)), en: mask(clean(f.message.en)) },
  };
}

/** The dates line: given, else what describeDates says of the summary's dates. */
function datesLine(r: FileReport, lang: Lang): string {
  if (r.dates !== undefined) return typeof r.dates === 'string' ? r.dates : r.dates[lang];
  const d = (r.summary as Partial<Summary>).dates;
  return d ? describeDates(d, lang) : '';
}

const T = {
  th: {
    checked: (src: string, sheet: string | undefined, n: number, header: number | null) =>
      `ตรวจ ${src}${sheet ? ` (แผ่นงาน "${sheet}")` : ''}: นักเรียน ${n} คน${header ? `, หัวตารางแถวที่ ${header}` : ''}`,
    skipped: (sheet: string, why: string) => `ข้ามแผ่นงาน "${sheet}": ${why}`,
    clean: 'ไม่พบปัญหา พร้อมยืนยันข้อมูลใน DMC',
    row: 'แถว',
    takers: 'ผู้เข้าสอบปลายภาคที่ DMC นับ (นักเรียนที่ยังอยู่และเข้าสอบ)',
    noExam: 'ไม่มีคอลัมน์สอบปลายภาค จึงนับผู้เข้าสอบไม่ได้',
    grade: 'ชั้น',
  },
  en: {
    checked: (src: string, sheet: string | undefined, n: number, header: number | null) =>
      `Checked ${src}${sheet ? ` (sheet "${sheet}")` : ''}: ${n} students${header ? `, header on row ${header}` : ''}`,
    skipped: (sheet: string, why: string) => `Skipped sheet "${sheet}": ${why}`,
    clean: 'No problems found: ready to confirm in DMC',
    row: 'row',
    takers: 'Exam takers DMC counts (present students who took the final exam)',
    noExam: 'No final-exam column, so exam takers cannot be counted',
    grade: 'Grade',
  },
};

export function formatText(reports: FileReport[], options?: Lang | FormatOptions): string {
  const o = optionsOf(options);
  const lang = o.lang;
  const t = T[lang];
  const safe = (s: string) => (o.showIds ? stripControls(s) : maskIdsIn(stripControls(s)));
  const out: string[] = [];
  let previous: string | null = null;
  for (const r of reports) {
    const s = r.summary;
    out.push(t.checked(safe(r.source), r.sheet ? safe(r.sheet) : undefined, s.students, s.headerRow));
    // The dates are the workbook's: said once per file.
    const dates = r.source === previous ? '' : datesLine(r, lang);
    previous = r.source;
    if (dates) out.push(safe(dates));
    for (const k of r.skipped ?? []) out.push(t.skipped(safe(k.sheet), safe(k.reason[lang])));
    out.push(SEVERITIES.map((sev) => `${SEVERITY_LABEL[sev][lang]} ${s.bySeverity[sev]}`).join(' · '));
    if (r.findings.length === 0) out.push(t.clean);
    for (const sev of SEVERITIES) {
      const list = r.findings.filter((f) => f.severity === sev);
      if (!list.length) continue;
      out.push('', `■ ${SEVERITY_LABEL[sev][lang]} (${list.length})`);
      for (const raw of list) {
        const f = shown(raw, o, true);
        const where = f.cell ?? (f.row ? `${t.row} ${f.row}` : '—');
        out.push(`  ${where.padEnd(6)} ${f.rule.padEnd(24)} ${f.message[lang]}`);
      }
    }
    out.push('', t.takers);
    if (!s.examTakers.hasExamColumn) out.push(`  ${t.noExam}`);
    else {
      const g = GENDER_LABEL;
      out.push(
        `  ${t.grade.padEnd(6)} ${g.male[lang].padStart(6)} ${g.female[lang].padStart(6)} ${g.total[lang].padStart(6)}`,
      );
      for (const c of [...s.examTakers.byGrade, { ...s.examTakers.total, grade: g.total[lang] }]) {
        out.push(
          `  ${safe(c.grade).padEnd(6)} ${String(c.male).padStart(6)} ${String(c.female).padStart(6)} ${String(c.total).padStart(6)}`,
        );
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** C1 controls, bidi controls and line separators stay in JSON strings, but as \u escapes. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * One object {source, sheet?, findings, summary, skipped?} for a single checked sheet, else an array
 * of them (one per file and roster sheet). `skipped` is on the first object of each file that has
 * skipped sheets. Compact unless `pretty`.
 */
export function formatJson(reports: FileReport[], options?: FormatOptions): string {
  const o = optionsOf(options);
  const plain = reports.map((r) => {
    const out: Record<string, unknown> = { source: o.showIds ? r.source : maskIdsIn(r.source) };
    if (r.sheet) out.sheet = o.showIds ? r.sheet : maskIdsIn(r.sheet);
    out.findings = r.findings.map((f) => shown(f, o, false));
    out.summary = r.summary;
    if (r.skipped?.length) out.skipped = r.skipped;
    return out;
  });
  const json = JSON.stringify(plain.length === 1 ? plain[0] : plain, null, o.pretty ? 2 : undefined);
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

export const CSV_COLUMNS = ['source', 'sheet', 'severity', 'rule', 'cell', 'row', 'column', 'value', 'message'];

/**
 * One row per finding, and one per skipped sheet (rule "sheet.skipped", severity info, its reason as
 * the message). A BOM so Excel opens the Thai text as UTF-8; every cell neutralised against formulas.
 */
export function formatCsv(
  reports: FileReport[],
  options?: Lang | FormatOptions,
  /** Further finding rows in the same columns (the reconciliation with DMC). */
  extraRows: readonly string[][] = [],
): string {
  const o = optionsOf(options);
  const safe = (s: string) => (o.showIds ? stripControls(s) : maskIdsIn(stripControls(s)));
  const rows: string[][] = [CSV_COLUMNS];
  for (const r of reports) {
    const source = safe(r.source);
    const sheet = safe(r.sheet ?? '');
    for (const raw of r.findings) {
      const f = shown(raw, o, true);
      rows.push([
        source,
        f.sheet === undefined ? sheet : safe(f.sheet),
        f.severity,
        f.rule,
        f.cell ?? '',
        f.row?.toString() ?? '',
        f.column ?? '',
        f.value,
        f.message[o.lang],
      ]);
    }
    for (const k of r.skipped ?? []) {
      rows.push([source, safe(k.sheet), 'info', 'sheet.skipped', '', '', '', '', safe(k.reason[o.lang])]);
    }
  }
  rows.push(...extraRows);
  return '\ufeff' + rows.map((row) => row.map((v) => csvField(neutraliseFormula(v))).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180: quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
function csvField(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
