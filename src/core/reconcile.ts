/**
 * The roster beside the DMC download (RULES.md, "Reconciliation with the DMC download"): who is
 * missing on either side, whose ID differs, whose details differ, who was promoted by hand, which IDs
 * DMC holds twice — and the correction-form rows for the differing IDs. Both sides are read once
 * with analyseSheet; students are matched by ID, then by name and date of birth, then by one typing
 * slip, one to one, and ambiguity is reported, never guessed. Keys are numbers and lookups are maps,
 * so 100,000 students a side never meet pairwise.
 */
import { analyseSheet, isPresent, studentKeys, type FieldValue, type SheetData } from './analysis';
import { DMC_TIMESTAMP, resolveDates, academicYearOf } from './check-date';
import { EVIDENCE, type FormRow, type FormValues } from './correction';
import { BE_OFFSET, compareYmd, formatBE, parseDateText, type Ymd } from './dates';
import { DenseIds } from './dense-ids';
import { a1, cellText, headerKey } from './headers';
import { dmcRules } from './rules/dmc';
import type { Hit, RuleDef } from './rules/rule';
import { parseSettings, type Settings, type SettingsInput } from './settings';
import { arabicDigits, matchKey, thaiForm } from './text';
import { dobSlip, dobSlips, matchName, nameSlip, type DobSlip, type NameSlip } from './thai-match';
import { CID_REASON, compact, formatCid, isGcode, parseCid } from './thai-id';
import type { SheetInput, WorkbookInput } from './validate';
import { ALL_GRADES, type Grade } from './vocab';
import type { Cell, DatesUsed, FieldKey, Finding, GradeCount, Msg, Severity } from './types';

// ---------------------------------------------------------------- recognising the download

const STAMP_WORDS = 'วันและเวลาที่สร้างรายงาน';
/** The columns the download opens with (the citizen ID is named เลขประจำตัวนักเรียน there). */
const DMC_LEAD = ['รหัสโรงเรียน', 'ชื่อโรงเรียน', 'เลขประจำตัวนักเรียน', 'ชั้น', 'ห้อง'].map(headerKey);

function isStamp(v: Cell): boolean {
  return typeof v === 'string' && thaiForm(v).replace(/\s+/g, '').includes(STAMP_WORDS);
}

/** A DMC student-list download: the timestamp line in its first rows and DMC's header right below. */
export function isDmcDownload(values: readonly (readonly Cell[])[]): boolean {
  for (let r = 0; r < Math.min(3, values.length); r++) {
    if (!values[r]!.some(isStamp)) continue;
    for (let h = r + 1; h < Math.min(r + 3, values.length); h++) {
      const keys = new Set((values[h] ?? []).map((v) => headerKey(cellText(v))));
      if (DMC_LEAD.every((k) => keys.has(k))) return true;
    }
  }
  return false;
}

/** The date DMC generated the download, from its timestamp line. */
function stampDate(values: readonly (readonly Cell[])[]): Ymd | null {
  for (const row of values.slice(0, 3)) {
    for (const v of row) {
      if (typeof v !== 'string') continue;
      const m = DMC_TIMESTAMP.exec(arabicDigits(thaiForm(v)));
      const d = m ? parseDateText(m[1]!) : null;
      if (d?.ok) return d.date;
    }
  }
  return null;
}

// ---------------------------------------------------------------- results

export type MatchKind = 'id' | 'name-dob' | 'fuzzy';
export type MatchReason = NameSlip | DobSlip;

export interface Match {
  rosterSheet: string;
  /** 1-based sheet rows. */
  rosterRow: number;
  dmcRow: number;
  kind: MatchKind;
  /** The slip a fuzzy match allowed. */
  reason?: MatchReason;
}

/** How a pair was found, in the words of id-differs. */
export const MATCH_REASON: Record<'name-dob' | MatchReason, Msg> = {
  'name-dob': { th: 'ชื่อ นามสกุลและวันเกิดตรงกัน', en: 'same name and date of birth' },
  'tone-mark': {
    th: 'ชื่อต่างกันที่วรรณยุกต์หนึ่งตัวและวันเกิดตรงกัน',
    en: 'names one tone mark apart and the same date of birth',
  },
  vowel: { th: 'ชื่อต่างกันที่สระหนึ่งตัวและวันเกิดตรงกัน', en: 'names one vowel apart and the same date of birth' },
  thanthakhat: {
    th: 'ชื่อต่างกันที่ไม้ทัณฑฆาต (์) และวันเกิดตรงกัน',
    en: 'names one thanthakhat (์) apart and the same date of birth',
  },
  swapped: {
    th: 'ชื่อมีตัวอักษรสลับกันหนึ่งคู่และวันเกิดตรงกัน',
    en: 'names with two adjacent letters swapped and the same date of birth',
  },
  'day-month-swapped': {
    th: 'ชื่อตรงกันและวันเกิดสลับวันกับเดือน',
    en: 'the same name and a date of birth with day and month swapped',
  },
  'one-digit': {
    th: 'ชื่อตรงกันและวันเกิดต่างกันหนึ่งหลัก',
    en: 'the same name and a date of birth one digit apart',
  },
};

/** A dmc.id-differs pair, with what the correction form needs from both sides. */
export interface IdDiffer {
  rosterSheet: string;
  rosterRow: number;
  dmcRow: number;
  /** DMC's ID (the form's old one) and the roster's as written. */
  dmcId: string;
  rosterId: string;
  /** The roster's ID is a valid citizen ID (the form's new one); otherwise new is left empty. */
  rosterValid: boolean;
  /** The student as DMC holds them: what the district looks up. */
  student: Pick<FormValues, 'schoolCode' | 'grade' | 'room' | 'sid' | 'prefix' | 'firstName' | 'lastName' | 'dob'>;
}

/** Exam takers by grade × gender: present students who took the exam, or present students when no exam column. */
export interface ExamTable {
  basis: 'exam' | 'present';
  byGrade: GradeCount[];
  total: GradeCount;
}

export interface ReconcileSummary {
  rosterStudents: number;
  dmcStudents: number;
  matched: { id: number; nameDob: number; fuzzy: number };
  notInDmc: number;
  notInRoster: number;
  idDiffers: number;
  /** dmc.field-differs findings, and by field. */
  differingFields: number;
  byField: Partial<Record<FieldKey, number>>;
  gradeAdvanced: number;
  duplicatesInDmc: number;
  /** Students left unmatched because more than one candidate fitted. */
  ambiguous: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
  examTakers: { roster: ExamTable; dmc: ExamTable };
  dates: DatesUsed;
  /** The end-of-year round: grade-advanced applies. */
  endOfYear: boolean;
  /** What the reader should know: a side without a column matching needs, an unreadable download. */
  notes: Msg[];
}

export interface ReconcileResult {
  dmcSheet: string;
  /** Findings on roster cells (every one names its sheet). */
  rosterFindings: Finding[];
  /** Findings on the DMC sheet: dmc.not-in-roster and dmc.duplicate-in-dmc. */
  dmcFindings: Finding[];
  matches: Match[];
  idDiffers: IdDiffer[];
  summary: ReconcileSummary;
}

export interface ReconcileOptions {
  /** Today, for settings that default to it. */
  now?: Date;
  /** Reconcile only this roster sheet. */
  sheet?: string;
  /** The download's file name ("2568-3-student.xlsx"): its year and round. */
  dmcSource?: string;
}

// ---------------------------------------------------------------- the two sides as numbers

const RULE = new Map<string, RuleDef>(dmcRules.map((r) => [r.id, r]));
const rule = (id: string) => RULE.get(id)!;

/** Day number of a date (from 1 Jan 1800), so a date is a small integer key. */
const DAY = 86_400_000;
const EPOCH = Date.UTC(1800, 0, 1);
const dayOf = (d: Ymd) => Math.round((Date.UTC(d.y, d.m - 1, d.d) - EPOCH) / DAY);

/** The fields compared between a matched pair, in report order. */
const COMPARED = ['prefix', 'firstName', 'lastName', 'gender', 'dob', 'grade', 'room'] as const;
type Compared = (typeof COMPARED)[number];

/**
 * One integer for two numbers below 2^26: a name or name pair (numbered per distinct value: a sheet holds
 * at most about a million rows) and another name or a day (days since 1800 stay below 2^18). The result
 * stays below 2^52, which DenseIds numbers exactly.
 */
const RADIX = 2 ** 26;
const pairKey = (a: number, b: number): number => a * RADIX + b;

/** Shared numbering of names and compared values, so both sides' keys compare as integers. */
class Canon {
  names = new Map<string, number>();
  nameText: string[] = [];
  pairText: string[] = [];
  values = new Map<string, number>();
  name(text: string): number {
    let n = this.names.get(text);
    if (n === undefined) {
      this.names.set(text, (n = this.names.size));
      this.nameText.push(text);
    }
    return n;
  }
  private pairs = new DenseIds();
  pair(first: number, last: number): number {
    const n = this.pairs.id(pairKey(first, last));
    if (n === this.pairText.length) this.pairText.push(`${this.nameText[first]}|${this.nameText[last]}`);
    return n;
  }
  /** A compared value's number (-1 for none). */
  value(field: Compared, key: string | null): number {
    if (key === null) return -1;
    const k = `${field}\u0000${key}`;
    let n = this.values.get(k);
    if (n === undefined) this.values.set(k, (n = this.values.size));
    return n;
  }
}

/** An ID as a number: 13 digits < 2^53 exactly; a G-code above every 13-digit number. */
function idNumber(key: string): number {
  return key.charCodeAt(0) === 71 /* G */ ? 1e13 + Number(key.slice(1)) : Number(key);
}

/**
 * Numbers both sides' IDs (NaN: none) 0…count-1, equal IDs equal numbers: one sort and a binary search
 * each, cheaper than a map of 200,000 keys.
 */
function canonIds(sides: readonly Float64Array[]): { ids: Int32Array[]; count: number } {
  const all = new Float64Array(sides.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of sides) {
    all.set(x, at);
    at += x.length;
  }
  all.sort(); // NaN last
  let count = 0;
  for (let i = 0; i < all.length && !Number.isNaN(all[i]!); i++)
    if (count === 0 || all[i] !== all[count - 1]) all[count++] = all[i]!;
  // Typed arrays filled by loops: TypedArray.from with a mapping function is slow in V8.
  const ids = sides.map((x) => {
    const out = new Int32Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const k = x[i]!;
      if (Number.isNaN(k)) {
        out[i] = -1;
        continue;
      }
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (all[mid]! < k) lo = mid + 1;
        else hi = mid;
      }
      out[i] = lo;
    }
    return out;
  });
  return { ids, count };
}

/** The students of one side, each as an ID number, a name-pair number and a day (-1: none). */
interface Side {
  sheets: SheetData[];
  size: number;
  sheetOf: Int32Array;
  local: Int32Array;
  /** 0-based sheet row of each student. */
  row: Int32Array;
  /** Each student's ID as a number (NaN: none), before both sides are numbered together. */
  idNum: Float64Array;
  id: Int32Array;
  name: Int32Array;
  dob: Int32Array;
  /** Each compared field's value as a number (-1: blank, unreadable or no such column). */
  cmp: Record<Compared, Int32Array>;
}

/** The key an ID matches by: a valid citizen ID, or a G-code; null otherwise. */
function idKey(v: FieldValue<'cid'>): string | null {
  if (v.blank) return null;
  if (v.v?.ok) return v.v.digits;
  const c = compact(v.text).toUpperCase();
  return isGcode(c) ? c : null;
}

/** A room as comparable text: digits Arabic, leading zeros gone. */
function roomText(v: FieldValue<'room'>): string {
  return v.blank
    ? ''
    : arabicDigits(v.text)
        .trim()
        .replace(/^0+(?=\d)/, '');
}

/** Each distinct value of a column, keyed once. */
function keyed<F extends FieldKey>(s: SheetData, field: F, key: (v: FieldValue<F>) => number): Int32Array {
  const values = s.columns[field].values;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = key(values[i]!);
  return out;
}

function sideOf(sheets: SheetData[], canon: Canon): Side {
  const size = sheets.reduce((n, s) => n + s.rows.length, 0);
  const array = () => new Int32Array(size);
  const cmp = Object.fromEntries(COMPARED.map((f) => [f, array()])) as Record<Compared, Int32Array>;
  const side: Side = {
    sheets,
    size,
    sheetOf: array(),
    local: array(),
    row: array(),
    idNum: new Float64Array(size),
    id: array(),
    name: array(),
    dob: array(),
    cmp,
  };
  const empty = canon.name('');
  let at = 0;
  sheets.forEach((s, k) => {
    const c = s.columns;
    // A shaped ID is valid and its text is its 13 digits: keyed without making its value.
    const ids = studentKeys(c.cid, 'cid', idKey, 'text');
    const firsts = keyed(s, 'firstName', (v) => (v.blank ? -1 : canon.name(matchName(v.text))));
    const lasts = keyed(s, 'lastName', (v) => (v.blank ? -1 : canon.name(matchName(v.text))));
    const days = keyed(s, 'dob', (v) => (v.v?.ok ? dayOf(v.v.date) : -1));
    const prefixes = keyed(s, 'prefix', (v) => canon.value('prefix', v.blank ? null : (v.v?.name ?? matchKey(v.text))));
    const genders = keyed(s, 'gender', (v) => (v.v === 'M' ? 0 : v.v === 'F' ? 1 : -1));
    const grades = keyed(s, 'grade', (v) => v.v?.order ?? -1);
    const rooms = keyed(s, 'room', (v) => canon.value('room', roomText(v) || null));
    // Without a room column, "ป.3/1" in the grade names the room.
    const gradeRooms = keyed(s, 'grade', (v) =>
      canon.value('room', v.v && v.v.room !== null ? String(v.v.room) : null),
    );
    for (let j = 0; j < s.rows.length; j++, at++) {
      side.sheetOf[at] = k;
      side.local[at] = j;
      side.row[at] = s.rows[j]!;
      const id = ids[j]!;
      side.idNum[at] = id === null ? NaN : idNumber(id);
      const f = firsts[c.firstName.codes[j]!]!;
      const l = lasts[c.lastName.codes[j]!]!;
      side.name[at] = f < 0 ? -1 : canon.pair(f, l < 0 ? empty : l);
      side.dob[at] = days[c.dob.codes[j]!]!;
      cmp.prefix[at] = prefixes[c.prefix.codes[j]!]!;
      cmp.firstName[at] = f;
      cmp.lastName[at] = l;
      cmp.gender[at] = genders[c.gender.codes[j]!]!;
      cmp.dob[at] = side.dob[at]!;
      const g = c.grade.codes[j]!;
      cmp.grade[at] = grades[g]!;
      const room = rooms[c.room.codes[j]!]!;
      cmp.room[at] = room >= 0 ? room : gradeRooms[g]!;
    }
  });
  return side;
}

function valueOf<F extends FieldKey>(side: Side, field: F, i: number): FieldValue<F> {
  const s = side.sheets[side.sheetOf[i]!]!;
  const c = s.columns[field];
  return c.values[c.codes[side.local[i]!]!]!;
}

/** 0-based sheet row of student i. */
function rowOf(side: Side, i: number): number {
  return side.row[i]!;
}

// ---------------------------------------------------------------- matching

/** Students grouped by a key, as linked lists: head per key, next per student (-1 ends). */
function groupBy(keys: Int32Array, count: number): [Int32Array, Int32Array] {
  const head = new Int32Array(count).fill(-1);
  const next = new Int32Array(keys.length).fill(-1);
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!;
    if (k < 0) continue;
    next[i] = head[k]!;
    head[k] = i;
  }
  return [head, next];
}

/** The students of one linked list. */
function chain(head: number, next: Int32Array): number[] {
  const out: number[] = [];
  for (let i = head; i >= 0; i = next[i]!) out.push(i);
  return out;
}

/** What the matcher found: a partner per student (-1: none), how, and candidates it could not choose between. */
export interface Matching {
  rosterMatch: Int32Array;
  dmcMatch: Int32Array;
  kind: Array<MatchKind | undefined>;
  reason: Array<MatchReason | undefined>;
  rosterCandidates: Map<number, number[]>;
  dmcCandidates: Map<number, number[]>;
  /** DMC students sharing an ID, by ID number. */
  dmcDuplicates: number[][];
}

/** Adds `others` to i's candidates, once each. */
function note(m: Map<number, number[]>, i: number, others: readonly number[]): void {
  const had = m.get(i) ?? [];
  for (const o of others) if (!had.includes(o)) had.push(o);
  if (had.length) m.set(i, had);
}

/** Students keyed by name and day, as linked lists: `head` the first student of a key (-1: none), next per student. */
function byNameAndDay(side: Keys, ok: (i: number) => boolean) {
  const keys = new DenseIds(side.size);
  const first: number[] = [];
  const next = new Int32Array(side.size).fill(-1);
  for (let i = side.size - 1; i >= 0; i--) {
    if (!ok(i)) continue;
    const k = keys.id(pairKey(side.name[i]!, side.dob[i]!));
    if (k < first.length) next[i] = first[k]!;
    first[k] = i;
  }
  const head = (name: number, day: number): number => {
    const k = keys.find(pairKey(name, day));
    return k < 0 ? -1 : first[k]!;
  };
  return { head, next };
}

/** The keys the matcher reads: an ID, a name pair and a day per student (-1: none). */
type Keys = Pick<Side, 'size' | 'id' | 'name' | 'dob'>;

/**
 * Matches two sides given as key arrays: 1. the same ID, 2. the same name and date of birth, 3. one
 * slip — in the name with the same date of birth, or in the date with the same name. One to one; a
 * student with several candidates stays unmatched.
 */
function matchSides(roster: Keys, dmc: Keys, idCount: number, pairText: readonly string[]): Matching {
  const rm = new Int32Array(roster.size).fill(-1);
  const dm = new Int32Array(dmc.size).fill(-1);
  const kind: Array<MatchKind | undefined> = new Array(roster.size);
  const reason: Array<MatchReason | undefined> = new Array(roster.size);
  const rc = new Map<number, number[]>();
  const dc = new Map<number, number[]>();
  const pair = (r: number, d: number, k: MatchKind, why?: MatchReason) => {
    rm[r] = d;
    dm[d] = r;
    kind[r] = k;
    reason[r] = why;
  };
  const sameRecord = (r: number, d: number) =>
    roster.name[r]! >= 0 && roster.name[r] === dmc.name[d] && roster.dob[r] === dmc.dob[d];

  // 1. The same ID. Several rows with one ID: copies of the same record pair first.
  const [rHead, rNext] = groupBy(roster.id, idCount);
  const [dHead, dNext] = groupBy(dmc.id, idCount);
  const duplicates: number[][] = [];
  for (let id = 0; id < idCount; id++) {
    const dh = dHead[id]!;
    if (dh < 0) continue;
    const rh = rHead[id]!;
    // The common case, one row a side, without building lists.
    if (rh >= 0 && dNext[dh]! < 0 && rNext[rh]! < 0) {
      pair(rh, dh, 'id');
      continue;
    }
    const ds = chain(dh, dNext);
    if (ds.length > 1) duplicates.push(ds);
    if (rh < 0) continue;
    const rs = chain(rh, rNext);
    for (const r of rs) {
      const d = ds.find((x) => dm[x]! < 0 && sameRecord(r, x));
      if (d !== undefined) pair(r, d, 'id');
    }
    const lr = rs.filter((r) => rm[r]! < 0);
    const ld = ds.filter((d) => dm[d]! < 0);
    if (lr.length === 1 && ld.length === 1) pair(lr[0]!, ld[0]!, 'id');
    else if (lr.length && ld.length) {
      for (const r of lr) note(rc, r, ld);
      for (const d of ld) note(dc, d, lr);
    }
  }

  // 2. The same name and date of birth, among the unmatched. Students whose key fits several stay
  // unmatched, and no slip may pick one of them either.
  const rFree = (r: number) => rm[r]! < 0 && roster.name[r]! >= 0 && roster.dob[r]! >= 0;
  const dFree = (d: number) => dm[d]! < 0 && dmc.name[d]! >= 0 && dmc.dob[d]! >= 0;
  const rKeyed = byNameAndDay(roster, rFree);
  const dKeyed = byNameAndDay(dmc, dFree);
  const rBlocked = new Uint8Array(roster.size);
  const dBlocked = new Uint8Array(dmc.size);
  for (let r0 = 0; r0 < roster.size; r0++) {
    // Each key once, from the first roster student holding it.
    if (!rFree(r0) || rKeyed.head(roster.name[r0]!, roster.dob[r0]!) !== r0) continue;
    const d0 = dKeyed.head(roster.name[r0]!, roster.dob[r0]!);
    if (d0 < 0) continue;
    if (rKeyed.next[r0]! < 0 && dKeyed.next[d0]! < 0) {
      pair(r0, d0, 'name-dob');
      continue;
    }
    const rs = chain(r0, rKeyed.next);
    const ds = chain(d0, dKeyed.next);
    for (const r of rs) {
      rBlocked[r] = 1;
      note(rc, r, ds);
    }
    for (const d of ds) {
      dBlocked[d] = 1;
      note(dc, d, rs);
    }
  }

  // 3. One slip. Candidates come from buckets, never from every pair: DMC students born the same day
  // (for a name slip) and DMC students of the same name (for a date slip) — for a common name, the
  // few days one slip away are looked up by name and day instead.
  const open = (d: number) => dFree(d) && !dBlocked[d];
  const byDay = new Map<number, number[]>();
  const nameHead = new Int32Array(pairText.length).fill(-1);
  const nameNext = new Int32Array(dmc.size).fill(-1);
  const nameCount = new Int32Array(pairText.length);
  for (let d = dmc.size - 1; d >= 0; d--) {
    if (!open(d)) continue;
    const name = dmc.name[d]!;
    nameNext[d] = nameHead[name]!;
    nameHead[name] = d;
    nameCount[name]!++;
  }
  for (let d = 0; d < dmc.size; d++) {
    if (!open(d)) continue;
    const bucket = byDay.get(dmc.dob[d]!);
    if (bucket) bucket.push(d);
    else byDay.set(dmc.dob[d]!, [d]);
  }
  // Day numbers are small: the dates they stand for, by index.
  const dates: Ymd[] = [];
  const dateOf = (day: number) => (dates[day] ??= ymdOfDay(day));
  const slipDays = new Map<number, { days: Int32Array; why: DobSlip[] }>();
  const daySlips = (day: number) => {
    let out = slipDays.get(day);
    if (!out) {
      const date = dateOf(day);
      const near = dobSlips(date);
      out = { days: Int32Array.from(near.map(dayOf)), why: near.map((v) => dobSlip(date, v)!) };
      slipDays.set(day, out);
    }
    return out;
  };
  const rCands = new Map<number, Array<[number, MatchReason]>>();
  const dCands = new Map<number, number[]>();
  const candidate = (r: number, d: number, why: MatchReason) => {
    const rl = rCands.get(r);
    if (!rl) rCands.set(r, [[d, why]]);
    else if (!rl.some(([x]) => x === d)) rl.push([d, why]);
    const dl = dCands.get(d);
    if (!dl) dCands.set(d, [r]);
    else if (!dl.includes(r)) dl.push(r);
  };
  for (let r = 0; r < roster.size; r++) {
    if (!rFree(r) || rBlocked[r]) continue;
    const name = roster.name[r]!;
    const day = roster.dob[r]!;
    const text = pairText[name]!;
    const bucket = byDay.get(day);
    if (bucket) {
      for (const d of bucket) {
        const slip = nameSlip(text, pairText[dmc.name[d]!]!);
        if (slip) candidate(r, d, slip);
      }
    }
    const same = nameCount[name]!;
    if (same === 0) continue;
    const near = daySlips(day);
    if (same <= near.days.length) {
      for (let d = nameHead[name]!; d >= 0; d = nameNext[d]!) {
        const slip = dmc.dob[d] === day ? null : dobSlip(dateOf(day), dateOf(dmc.dob[d]!));
        if (slip) candidate(r, d, slip);
      }
    } else {
      for (let k = 0; k < near.days.length; k++) {
        for (let d = dKeyed.head(name, near.days[k]!); d >= 0; d = dKeyed.next[d]!) {
          if (open(d)) candidate(r, d, near.why[k]!);
        }
      }
    }
  }
  for (const [r, cands] of rCands) {
    const [d, why] = cands[0]!;
    if (cands.length === 1 && dCands.get(d)!.length === 1) pair(r, d, 'fuzzy', why);
    else
      note(
        rc,
        r,
        cands.map(([x]) => x),
      );
  }
  for (const [d, rs] of dCands) if (dm[d]! < 0) note(dc, d, rs);
  // Candidates matched elsewhere are no longer candidates.
  for (const [r, ds] of rc) {
    const open = ds.filter((d) => dm[d]! < 0);
    if (rm[r]! >= 0 || open.length === 0) rc.delete(r);
    else rc.set(r, open);
  }
  for (const [d, rs] of dc) {
    const open = rs.filter((r) => rm[r]! < 0);
    if (dm[d]! >= 0 || open.length === 0) dc.delete(d);
    else dc.set(d, open);
  }
  return {
    rosterMatch: rm,
    dmcMatch: dm,
    kind,
    reason,
    rosterCandidates: rc,
    dmcCandidates: dc,
    dmcDuplicates: duplicates,
  };
}

/** A student as the matcher sees them: an ID as written, the names, the date of birth. */
export interface StudentKeys {
  id: string;
  first: string;
  last: string;
  dob: Ymd | null;
}

/** The matcher on plain records (what its tests use); reconcile() feeds it the analysed columns. */
export function matchStudents(roster: readonly StudentKeys[], dmc: readonly StudentKeys[]): Matching {
  const canon = new Canon();
  const side = (xs: readonly StudentKeys[]) => {
    const empty = canon.name('');
    const out = {
      size: xs.length,
      idNum: new Float64Array(xs.length),
      id: new Int32Array(xs.length),
      name: new Int32Array(xs.length),
      dob: new Int32Array(xs.length),
    };
    xs.forEach((x, i) => {
      const p = parseCid(x.id);
      const key = p.ok ? p.digits : isGcode(x.id) ? compact(x.id).toUpperCase() : null;
      out.idNum[i] = key === null ? NaN : idNumber(key);
      const first = matchName(x.first);
      const last = matchName(x.last);
      out.name[i] = first ? canon.pair(canon.name(first), last ? canon.name(last) : empty) : -1;
      out.dob[i] = x.dob ? dayOf(x.dob) : -1;
    });
    return out;
  };
  const r = side(roster);
  const d = side(dmc);
  const { ids, count } = canonIds([r.idNum, d.idNum]);
  return matchSides({ ...r, id: ids[0]! }, { ...d, id: ids[1]! }, count, canon.pairText);
}

function ymdOfDay(day: number): Ymd {
  const t = new Date(EPOCH + day * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

// ---------------------------------------------------------------- findings

const NAME_PARTS = new Set<FieldKey>(['prefix', 'firstName', 'lastName']);

/** The column a field's findings point at: its own, the full name it was split from, the grade's for a room. */
function columnOf(s: SheetData, field: FieldKey): number | null {
  const cols = s.map.columns;
  const own = cols[field];
  if (own !== undefined) return own;
  if (NAME_PARTS.has(field) && cols.fullName !== undefined) return cols.fullName;
  if (field === 'room' && cols.grade !== undefined) return cols.grade;
  // A grade named by the sheet has no cell: point at the birth date, as the roster check does.
  if ((field === 'grade' || field === 'room') && cols.dob !== undefined) return cols.dob;
  if (field === 'cid') return cols.firstName ?? cols.fullName ?? null;
  return null;
}

function findingAt(ruleId: string, side: Side, i: number, field: FieldKey, hit: Hit, severity?: Severity): Finding {
  const r = rule(ruleId);
  const s = side.sheets[side.sheetOf[i]!]!;
  const row = rowOf(side, i);
  const col = columnOf(s, field);
  const value = col === null ? '' : cellText(s.values[row]?.[col]);
  return {
    sheet: s.name,
    rule: r.id,
    severity: severity ?? r.severity,
    field,
    row: row + 1,
    column: col === null ? null : (s.map.headers[col] ?? null),
    cell: col === null ? null : a1(row, col),
    value,
    message: r.say({ ...hit, field, value }),
  };
}

/** "DMC แถว 12, 40" / "แถว 5 (แผ่นงาน "ม.1-1")", at most five named. */
function rowsOf(side: Side, others: readonly number[], sheetNames: boolean, dmc: boolean): Hit {
  const shown = others.slice(0, 5);
  const more = others.length - shown.length;
  const tail = more > 0 ? ` (+${more})` : '';
  const th = shown.map((o) => {
    const row = rowOf(side, o) + 1;
    return sheetNames ? `${row} (แผ่นงาน "${side.sheets[side.sheetOf[o]!]!.name}")` : String(row);
  });
  const en = shown.map((o) => {
    const row = rowOf(side, o) + 1;
    return sheetNames ? `${row} (sheet "${side.sheets[side.sheetOf[o]!]!.name}")` : String(row);
  });
  const where = dmc ? { th: 'DMC แถว ', en: 'DMC row ' } : { th: 'แผ่นงานแถว ', en: 'roster row ' };
  return {
    candidates: `${where.th}${th.join(', ')}${tail}`,
    candidatesEn: `${where.en}${en.join(', ')}${tail}`,
  };
}

const text = (v: FieldValue) => v.text.trim();

/** A room for messages: its own column, or the grade's "/1" when it has none. */
function roomOf(side: Side, i: number): string {
  const t = roomText(valueOf(side, 'room', i));
  if (t) return t;
  const g = valueOf(side, 'grade', i).v;
  return g && g.room !== null ? String(g.room) : '';
}

/** The grade after `g` in a school: ป.6 → ม.1, ม.3 → ปวช.1; none after ม.6 or ปวช.3. */
export function isNextGrade(from: Grade, to: Grade): boolean {
  if (from.label === 'ม.3' && to.label === 'ปวช.1') return true;
  if (from.label === 'ม.6' || from.label === 'ปวช.3') return false;
  return to.order === from.order + 1;
}

interface Differ {
  field: Compared;
  roster: string;
  dmc: string;
}

/** How a compared field shows in a message. */
function shown(side: Side, i: number, field: Compared): string {
  if (field === 'room') return roomOf(side, i);
  if (field === 'grade') return valueOf(side, 'grade', i).v?.label ?? '';
  if (field === 'dob') {
    const d = valueOf(side, 'dob', i).v;
    return d?.ok ? formatBE(d.date) : '';
  }
  return text(valueOf(side, field, i));
}

/** Fields that differ between a matched pair, compared as numbers; both sides' values for messages. */
function differences(roster: Side, r: number, dmc: Side, d: number): Differ[] | null {
  let out: Differ[] | null = null;
  const rc = columnsOf(roster);
  const dc = columnsOf(dmc);
  for (let k = 0; k < COMPARED.length; k++) {
    const a = rc[k]![r]!;
    const b = dc[k]![d]!;
    if (a < 0 || b < 0 || a === b) continue;
    const field = COMPARED[k]!;
    (out ??= []).push({ field, roster: shown(roster, r, field), dmc: shown(dmc, d, field) });
  }
  return out;
}

/** A side's compared columns in COMPARED order, made once. */
const compared = new WeakMap<Side, Int32Array[]>();
function columnsOf(side: Side): Int32Array[] {
  let cols = compared.get(side);
  if (!cols) compared.set(side, (cols = COMPARED.map((f) => side.cmp[f])));
  return cols;
}

/** A present student who took the final exam (or, without an exam column, any present student). */
function examTaker(side: Side, i: number): boolean {
  if (!isPresent(valueOf(side, 'status', i))) return false;
  const exam = valueOf(side, 'exam', i);
  return !exam.has || exam.v === 'took';
}

const WHY_NOT_TAKER = {
  left: { th: 'ในแผ่นงานนักเรียนคนนี้ไม่ได้อยู่แล้ว', en: 'the roster says this student has left' },
  noExam: {
    th: 'ในแผ่นงานไม่ได้ระบุว่านักเรียนคนนี้สอบปลายภาค',
    en: 'the roster does not say this student took the final exam',
  },
};

function emptyCount(grade: string): GradeCount {
  return { grade, male: 0, female: 0, unknown: 0, total: 0 };
}

function count(c: GradeCount, sex: 'M' | 'F' | null | undefined): void {
  if (sex === 'M') c.male++;
  else if (sex === 'F') c.female++;
  else c.unknown++;
  c.total++;
}

function examTable(side: Side): ExamTable {
  const grades = new Map(ALL_GRADES.map((g) => [g, emptyCount(g)]));
  const total = emptyCount('');
  for (const s of side.sheets) {
    const { grade, gender, prefix, status, exam } = s.columns;
    // Per distinct value: the counts a student adds to, and whether they count at all.
    const counts = grade.values.map((v) => (v.v ? grades.get(v.v.label)! : null));
    const present = status.values.map((v) => isPresent(v));
    const took = exam.values.map((v) => !exam.has || v.v === 'took');
    const sexOf = gender.has ? gender.values.map((v) => v.v) : prefix.values.map((v) => v.v?.gender ?? null);
    const sexCodes = gender.has ? gender.codes : prefix.codes;
    for (let j = 0; j < s.rows.length; j++) {
      const c = counts[grade.codes[j]!];
      if (!c || !present[status.codes[j]!] || !took[exam.codes[j]!]) continue;
      const sex = sexOf[sexCodes[j]!];
      count(c, sex);
      count(total, sex);
    }
  }
  const basis = side.sheets.length > 0 && side.sheets.every((s) => s.columns.exam.has) ? 'exam' : 'present';
  return { basis, byGrade: [...grades.values()].filter((c) => c.total > 0), total };
}

/** The end-of-year round: DMC's round 3 by the file name, else the download's date, else the check date. */
function isEndOfYear(settings: Settings, used: DatesUsed, stamp: Ymd | null): boolean {
  if (used.round !== null) return used.round === 3;
  const on = stamp ?? parseIsoDate(used.asOf);
  const year = stamp ? academicYearOf(stamp) : used.academicYear;
  const y = year - BE_OFFSET + 1;
  const opens = { y, m: Number(settings.yearEndOpens.slice(0, 2)), d: Number(settings.yearEndOpens.slice(3, 5)) };
  const examEnd = stamp ? { y, m: 3, d: 31 } : parseIsoDate(used.examEnd);
  const from = compareYmd(opens, examEnd) <= 0 ? opens : examEnd;
  return compareYmd(on, from) >= 0;
}

function parseIsoDate(iso: string): Ymd {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

const NOTE = {
  dmcUnread: {
    th: 'อ่านข้อมูล DMC ไม่ได้: ไม่พบแถวหัวตาราง (ต้องเป็นไฟล์รายชื่อนักเรียนที่ดาวน์โหลดจาก DMC)',
    en: 'The DMC download could not be read: no header row (use the student list downloaded from DMC)',
  },
  rosterUnread: {
    th: 'ไม่พบแผ่นงานรายชื่อนักเรียนที่มีแถวหัวตาราง จึงเทียบกับ DMC ไม่ได้',
    en: 'No roster sheet with a header row: nothing to compare with DMC',
  },
  noNameDob: {
    th: 'แผ่นงานหรือข้อมูล DMC ไม่มีคอลัมน์ชื่อหรือวันเกิด: จับคู่ได้ด้วยเลขประจำตัวประชาชนเท่านั้น',
    en: 'The roster or the download has no name or date-of-birth column: students are matched by citizen ID only',
  },
} satisfies Record<string, Msg>;

// ---------------------------------------------------------------- reconcile

function isSheetData(x: unknown): x is readonly SheetData[] {
  return Array.isArray(x);
}

function isAnalysed(x: SheetInput | SheetData): x is SheetData {
  return 'columns' in x;
}

/** Roster sheets to compare: every sheet with a header that is not itself a DMC download. */
function rosterSheets(
  roster: WorkbookInput | readonly SheetData[],
  dmc: SheetInput,
  settings: Settings,
  sheet?: string,
) {
  if (isSheetData(roster)) return roster.filter((s) => sheet === undefined || s.name === sheet);
  const out: SheetData[] = [];
  roster.sheets.forEach((s, i) => {
    if (sheet !== undefined && s.name !== sheet) return;
    if (s.values === dmc.values || isDmcDownload(s.values)) return;
    const data = analyseSheet(i, s.name, s.values, settings.headerRow || undefined, s.textColumns);
    if (data) out.push(data);
  });
  return out;
}

/** Compares the roster (a workbook, or sheets already analysed) with a DMC download sheet (or its analysis). */
export function reconcile(
  roster: WorkbookInput | readonly SheetData[],
  dmc: SheetInput | SheetData,
  settingsInput: SettingsInput | undefined = {},
  options: ReconcileOptions = {},
): ReconcileResult {
  const { settings } = parseSettings(settingsInput);
  const rosterData = rosterSheets(roster, dmc, settings, options.sheet);
  const dmcData = isAnalysed(dmc) ? dmc : analyseSheet(0, dmc.name, dmc.values, undefined, dmc.textColumns);
  const source = options.dmcSource ?? (isSheetData(roster) ? undefined : roster.source);
  const { used } = resolveDates(
    settings,
    { source, sheets: [dmc.values, ...rosterData.map((s) => s.values)] },
    options.now,
  );
  const notes: Msg[] = [];
  if (!dmcData) notes.push(NOTE.dmcUnread);
  if (!rosterData.length) notes.push(NOTE.rosterUnread);
  const canon = new Canon();
  const R = sideOf(rosterData, canon);
  const D = sideOf(dmcData ? [dmcData] : [], canon);
  const nameDobUsable =
    rosterData.some((s) => s.columns.firstName.has && s.columns.dob.has) &&
    !!dmcData?.columns.firstName.has &&
    !!dmcData.columns.dob.has;
  if (dmcData && rosterData.length && !nameDobUsable) notes.push(NOTE.noNameDob);
  const numbered = canonIds([R.idNum, D.idNum]);
  R.id = numbered.ids[0]!;
  D.id = numbered.ids[1]!;
  const m = matchSides(R, D, numbered.count, canon.pairText);
  const endOfYear = isEndOfYear(settings, used, stampDate(dmc.values));

  const rosterFindings: Finding[] = [];
  const dmcFindings: Finding[] = [];
  const matches: Match[] = [];
  const idDiffers: IdDiffer[] = [];
  const matched = { id: 0, nameDob: 0, fuzzy: 0 };
  const byField: Partial<Record<FieldKey, number>> = {};
  const severalSheets = rosterData.length > 1;

  for (let r = 0; r < R.size; r++) {
    const d = m.rosterMatch[r]!;
    const sheetName = R.sheets[R.sheetOf[r]!]!.name;
    if (d < 0) {
      const taker = examTaker(R, r);
      const why = isPresent(valueOf(R, 'status', r)) ? WHY_NOT_TAKER.noExam : WHY_NOT_TAKER.left;
      const cands = m.rosterCandidates.get(r);
      const hit: Hit = {
        taker: taker ? 1 : 0,
        why: why.th,
        whyEn: why.en,
        ...(cands && rowsOf(D, cands, false, true)),
      };
      rosterFindings.push(findingAt('dmc.not-in-dmc', R, r, 'cid', hit, taker ? 'error' : 'warning'));
      continue;
    }
    const kind = m.kind[r]!;
    const reason = m.reason[r];
    const match: Match = { rosterSheet: sheetName, rosterRow: rowOf(R, r) + 1, dmcRow: rowOf(D, d) + 1, kind };
    if (reason) match.reason = reason;
    matches.push(match);
    if (kind === 'id') matched.id++;
    else if (kind === 'name-dob') matched.nameDob++;
    else matched.fuzzy++;
    const dmcRow = rowOf(D, d) + 1;

    const rc = kind === 'id' ? null : valueOf(R, 'cid', r);
    const dc = kind === 'id' ? null : valueOf(D, 'cid', d);
    if (rc && dc && compact(rc.text) !== compact(dc.text)) {
      const own = rc.v?.ok ? rc.v.digits : null;
      const valid = own !== null;
      const why = MATCH_REASON[reason ?? 'name-dob'];
      const invalid = valid ? null : invalidReason(rc);
      const dmcId = dc.v?.ok ? formatCid(dc.v.digits) : text(dc);
      rosterFindings.push(
        findingAt('dmc.id-differs', R, r, 'cid', {
          dmcRow,
          dmcId,
          rosterId: own !== null ? formatCid(own) : text(rc),
          how: why.th,
          howEn: why.en,
          ...(invalid && { invalid: invalid.th, invalidEn: invalid.en }),
        }),
      );
      idDiffers.push({
        rosterSheet: sheetName,
        rosterRow: rowOf(R, r) + 1,
        dmcRow,
        dmcId: dc.v?.ok ? dc.v.digits : text(dc),
        rosterId: own ?? text(rc),
        rosterValid: valid,
        student: dmcStudent(D, d),
      });
    }
    const diffs = differences(R, r, D, d);
    if (diffs === null) continue;
    for (const diff of diffs) {
      if (diff.field === 'grade' && endOfYear) {
        const a = valueOf(R, 'grade', r).v!;
        const b = valueOf(D, 'grade', d).v!;
        if (isNextGrade(b, a)) {
          rosterFindings.push(
            findingAt('dmc.grade-advanced', R, r, 'grade', { rosterGrade: a.label, dmcGrade: b.label, dmcRow }),
          );
          continue;
        }
      }
      byField[diff.field] = (byField[diff.field] ?? 0) + 1;
      rosterFindings.push(
        findingAt('dmc.field-differs', R, r, diff.field, { rosterValue: diff.roster, dmcValue: diff.dmc, dmcRow }),
      );
    }
  }

  const duplicateRow = new Set<number>();
  for (const group of m.dmcDuplicates) {
    for (const d of group) {
      duplicateRow.add(d);
      const others = group.filter((o) => o !== d).map((o) => rowOf(D, o) + 1);
      dmcFindings.push(findingAt('dmc.duplicate-in-dmc', D, d, 'cid', { rows: others.join(', ') }));
    }
  }
  for (let d = 0; d < D.size; d++) {
    // An unmatched copy of a duplicated ID is told once, as the duplicate.
    if (m.dmcMatch[d]! >= 0 || duplicateRow.has(d)) continue;
    const cands = m.dmcCandidates.get(d);
    const name = [valueOf(D, 'prefix', d), valueOf(D, 'firstName', d), valueOf(D, 'lastName', d)]
      .map(text)
      .filter(Boolean)
      .join(' ');
    const hit: Hit = {
      name: name || `DMC แถว ${rowOf(D, d) + 1}`,
      ...(cands && rowsOf(R, cands, severalSheets, false)),
    };
    dmcFindings.push(findingAt('dmc.not-in-roster', D, d, 'cid', hit));
  }
  dmcFindings.sort((a, b) => a.row! - b.row! || order(a) - order(b));
  const sheetOrder = new Map(rosterData.map((s, i) => [s.name, i]));
  rosterFindings.sort(
    (a, b) =>
      sheetOrder.get(a.sheet!)! - sheetOrder.get(b.sheet!)! ||
      a.row! - b.row! ||
      (a.cell ?? '').length - (b.cell ?? '').length ||
      (a.cell ?? '').localeCompare(b.cell ?? '') ||
      order(a) - order(b),
  );

  const all = [...rosterFindings, ...dmcFindings];
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  for (const f of all) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  const ambiguous = new Set<number>();
  for (const r of m.rosterCandidates.keys()) if (m.rosterMatch[r]! < 0) ambiguous.add(r);
  return {
    dmcSheet: dmc.name,
    rosterFindings,
    dmcFindings,
    matches,
    idDiffers,
    summary: {
      rosterStudents: R.size,
      dmcStudents: D.size,
      matched,
      notInDmc: byRule['dmc.not-in-dmc'] ?? 0,
      notInRoster: byRule['dmc.not-in-roster'] ?? 0,
      idDiffers: idDiffers.length,
      differingFields: byRule['dmc.field-differs'] ?? 0,
      byField,
      gradeAdvanced: byRule['dmc.grade-advanced'] ?? 0,
      duplicatesInDmc: byRule['dmc.duplicate-in-dmc'] ?? 0,
      ambiguous: ambiguous.size,
      bySeverity,
      byRule,
      examTakers: { roster: examTable(R), dmc: examTable(D) },
      dates: used,
      endOfYear,
      notes,
    },
  };
}

/** Why the roster's own ID cannot be the form's new one. */
function invalidReason(v: FieldValue<'cid'>): Msg {
  if (v.blank) return { th: 'ว่าง', en: 'empty' };
  if (isGcode(v.text)) return { th: 'เป็น G-code ไม่ใช่เลขประจำตัวประชาชน', en: 'a G-code, not a citizen ID' };
  return v.v && !v.v.ok ? CID_REASON[v.v.reason] : CID_REASON.format;
}

const RULE_ORDER = new Map(dmcRules.map((r, i) => [r.id, i]));
const order = (f: Finding) => RULE_ORDER.get(f.rule) ?? 0;

/** The student as DMC holds them, for the correction form. */
function dmcStudent(D: Side, d: number): IdDiffer['student'] {
  const dob = valueOf(D, 'dob', d);
  const grade = valueOf(D, 'grade', d);
  return {
    schoolCode: text(valueOf(D, 'schoolCode', d)),
    grade: grade.v?.label ?? text(grade),
    room: roomOf(D, d),
    sid: text(valueOf(D, 'sid', d)),
    prefix: text(valueOf(D, 'prefix', d)),
    firstName: text(valueOf(D, 'firstName', d)),
    lastName: text(valueOf(D, 'lastName', d)),
    dob: dob.v?.ok ? formatBE(dob.v.date) : text(dob),
  };
}

// ---------------------------------------------------------------- the correction form

export const RECONCILE_REASON = 'ตรวจกับบัตรประชาชน';

/** A correction-form row from dmc.id-differs; `sheet` names the roster sheet of `sourceRow`. */
export interface ReconcileFormRow extends FormRow {
  sheet: string;
}

/**
 * The correction form's rows for every dmc.id-differs pair: DMC's ID as old, the roster's as new
 * (empty when the roster's is itself invalid), the student as DMC holds them, "ตรวจกับบัตรประชาชน".
 */
export function reconcileCorrectionRows(
  result: Pick<ReconcileResult, 'idDiffers'>,
  settings: Pick<Settings, 'schoolCode' | 'schoolName'>,
): ReconcileFormRow[] {
  return result.idDiffers.map((p) => ({
    sheet: p.rosterSheet,
    sourceRow: p.rosterRow,
    values: {
      no: '',
      ...p.student,
      schoolCode: settings.schoolCode || p.student.schoolCode,
      schoolName: settings.schoolName,
      oldCid: p.dmcId,
      newCid: p.rosterValid ? p.rosterId : '',
      reason: RECONCILE_REASON,
      evidence: EVIDENCE,
      note: p.rosterValid ? '' : 'เลขในแผ่นงานของโรงเรียนไม่ถูกต้อง — กรอกเลขใหม่จากบัตรประชาชน',
    },
  }));
}
