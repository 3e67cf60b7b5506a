/**
 * Synthetic roster/DMC pairs for the reconciliation tests: the same school as its roster and as DMC's
 * download, with every difference class planted and a manifest of what was planted, where, and which
 * rule must find it. IDs are random digits and the checksum (withCheckDigit), never a person's.
 */
import { BE_OFFSET, type Ymd } from '../../src/core/dates';
import { a1 } from '../../src/core/headers';
import type { MatchKind, MatchReason } from '../../src/core/reconcile';
import { withCheckDigit } from '../../src/core/thai-id';
import type { Cell, FieldKey, Severity } from '../../src/core/types';
import type { SheetInput, WorkbookInput } from '../../src/core/validate';
import { fakeCid, HEADERS, rng } from './synthetic';
import { DMC_HEADERS } from './dmc-download';

export const DIFF_CLASSES = [
  'missing-in-dmc',
  'missing-in-dmc-left',
  'missing-in-roster',
  'id-one-digit',
  'id-digit-3',
  'name-tone-mark',
  'name-vowel',
  'name-double-sara-e',
  'name-thanthakhat',
  'name-swapped',
  'dob-day-month',
  'dob-one-digit',
  'grade-advanced',
  'field-prefix',
  'field-gender',
  'field-first-name',
  'field-last-name',
  'field-dob',
  'field-grade',
  'field-room',
  'duplicate-in-dmc-copy',
  'duplicate-in-dmc-other',
  'similar-not-same',
] as const;
export type DiffClass = (typeof DIFF_CLASSES)[number];

/** A finding the class must produce. */
export interface Expected {
  rule: string;
  side: 'roster' | 'dmc';
  field: FieldKey;
  cell: string;
  severity: Severity;
}

/** One planted difference: the rows involved, the findings it must produce, the match it must make. */
export interface Planted {
  cls: DiffClass;
  rosterRows: number[];
  dmcRows: number[];
  expect: Expected[];
  /**
   * The pair reconcile must make (with any of `dmcRows`: copies of one record are interchangeable),
   * or null when the rows must stay unmatched.
   */
  match: { rosterRow: number; dmcRows: number[]; kind: MatchKind; reason?: MatchReason } | null;
}

export interface DmcPair {
  roster: WorkbookInput;
  dmc: SheetInput;
  /** The download's file name: academic year 2568, round 3 (the end of the year). */
  dmcSource: string;
  planted: Planted[];
}

export const ROSTER_SHEET = 'รายชื่อ';
export const DMC_SHEET = 'ข้อมูลนักเรียนรายบุคคล';
export const DMC_SOURCE = '2568-3-student.xlsx';
const ACADEMIC_YEAR = 2568;

export { DMC_HEADERS };

/** Column of each compared field: the roster's (synthetic HEADERS) and DMC's. */
const ROSTER_COL: Partial<Record<FieldKey, number>> = {
  cid: 1,
  prefix: 3,
  firstName: 4,
  lastName: 5,
  gender: 6,
  dob: 7,
  grade: 8,
  room: 9,
};
const DMC_COL: Partial<Record<FieldKey, number>> = { cid: 2 };
/** Rows above the students: a title and the header (roster); the timestamp line and the header (DMC). */
const FIRST_ROW = 2;

const MALE = [
  'สมชาย',
  'ธนากร',
  'ภูมิพัฒน์',
  'กิตติพงษ์',
  'ณัฐวุฒิ',
  'ปวริศ',
  'ธีรภัทร',
  'วรเมธ',
  'ศุภกร',
  'อนุชา',
  'ก้องภพ',
  'พีรพัฒน์',
  'ชยพล',
  'ธนวัฒน์',
  'นพรุจ',
  'ภาณุวิชญ์',
  'รัชชานนท์',
  'สิรวิชญ์',
  'ต่อตระกูล',
  'ปิยะพงษ์',
  'เจษฎา',
  'ศักดิ์สิทธิ์',
  'ไชยา',
  'วุฒิชัย',
  'สุรเชษฐ์',
  'แทนคุณ',
  'เกื้อกูล',
];
const FEMALE = [
  'สมศรี',
  'กมลชนก',
  'ณัฐธิดา',
  'พิมพ์ชนก',
  'ปภาวรินทร์',
  'ชุติมา',
  'อรอุมา',
  'สุภาวดี',
  'วรรณิดา',
  'ธิดารัตน์',
  'น้ำฝน',
  'แพรวา',
  'ขวัญใจ',
  'กัญญ์วรา',
  'ปุณยวีร์',
  'ศิริพร',
  'ใบเตย',
  'เบญจมาศ',
  'มุกดา',
  'แก้วตา',
  'ญาณิศา',
  'อัญชลี',
  'ลลิตา',
  'ชนิดาภา',
  'พัชรินทร์',
  'แสงดาว',
  'รื่นฤดี',
];
const LAST = [
  'ใจดี',
  'มีสุข',
  'ศรีสวัสดิ์',
  'บุญมา',
  'แก้วกาญจนา',
  'วงศ์ใหญ่',
  'ทองดี',
  'สุขประเสริฐ',
  'พรหมมา',
  'จันทร์เพ็ญ',
  'แสงทอง',
  'ไชยวงศ์',
  'รุ่งเรือง',
  'ศักดิ์ดี',
  'พูลผล',
  'เพ็ชรรัตน์',
  'บุญเรือง',
  'ชัยมงคล',
  'สายบุญ',
  'ปัญญาดี',
  'แก้วมณี',
  'ทองคำ',
  'นาคสุข',
  'ศรีอ่อน',
  'อินทร์แก้ว',
  'วิเศษศักดิ์',
  'คงกระพัน',
  'ธรรมรักษ์',
  'เรืองศรี',
  'สมบูรณ์',
];
const GRADES = ['ป.1', 'ป.2', 'ป.3', 'ป.4', 'ป.5', 'ป.6', 'ม.1', 'ม.2', 'ม.3', 'ม.4', 'ม.5'];
const NEXT: Record<string, string> = Object.fromEntries(GRADES.map((g, i) => [g, GRADES[i + 1] ?? 'ม.6']));
const AGE: Record<string, number> = Object.fromEntries(GRADES.map((g, i) => [g, 6 + i]));

// ---------------------------------------------------------------- name and date slips

const TONE_SWAP: Record<string, string> = {
  '\u0e48': '\u0e49',
  '\u0e49': '\u0e48',
  '\u0e4a': '\u0e48',
  '\u0e4b': '\u0e48',
};
const VOWEL_SWAP: Record<string, string> = {
  '\u0e34': '\u0e35',
  '\u0e35': '\u0e34',
  '\u0e38': '\u0e39',
  '\u0e39': '\u0e38',
  '\u0e36': '\u0e37',
  '\u0e37': '\u0e36',
  '\u0e43': '\u0e44',
  '\u0e44': '\u0e43',
};
const CONSONANT = /[\u0e01-\u0e2e]/;

/** A typing slip of one kind applied to a name, or null when the name offers no place for it. */
type Slip = (s: string) => string | null;
const replaceFirst =
  (table: Record<string, string>): Slip =>
  (s) => {
    const i = [...s].findIndex((c) => table[c] !== undefined);
    return i < 0 ? null : s.slice(0, i) + table[s[i]!] + s.slice(i + 1);
  };
const NAME_SLIPS: Record<'tone-mark' | 'vowel' | 'double-sara-e' | 'thanthakhat' | 'swapped', Slip> = {
  'tone-mark': replaceFirst(TONE_SWAP),
  vowel: replaceFirst(VOWEL_SWAP),
  'double-sara-e': (s) => (s.includes('แ') ? s.replace('แ', 'เเ') : null),
  thanthakhat: (s) => (s.includes('์') ? s.replace('์', '') : null),
  swapped: (s) => {
    for (let i = 0; i + 1 < s.length; i++) {
      if (CONSONANT.test(s[i]!) && CONSONANT.test(s[i + 1]!) && s[i] !== s[i + 1])
        return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    }
    return null;
  },
};

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Ymd) => `${d.y}-${pad(d.m)}-${pad(d.d)}`;
const beText = (d: Ymd) => `${pad(d.d)}/${pad(d.m)}/${d.y + BE_OFFSET}`;

// ---------------------------------------------------------------- people and rows

interface Person {
  cid: string;
  sid: string;
  male: boolean;
  first: string;
  last: string;
  dob: Ymd;
  grade: string;
  room: number;
}

/** What one side writes for a person: the person, with the differences planted on that side. */
interface Rec {
  cid: Cell;
  prefix: string;
  first: string;
  last: string;
  gender: string;
  dob: Ymd;
  grade: string;
  room: number;
  status: string;
  exam: string;
}

function rosterRec(p: Person, adult = AGE[p.grade]! >= 15): Rec {
  return {
    cid: p.cid,
    prefix: p.male ? (adult ? 'นาย' : 'ด.ช.') : adult ? 'น.ส.' : 'ด.ญ.',
    first: p.first,
    last: p.last,
    gender: p.male ? 'ชาย' : 'หญิง',
    dob: p.dob,
    grade: p.grade,
    room: p.room,
    status: 'ปกติ',
    exam: 'สอบ',
  };
}

function dmcRec(p: Person, adult = AGE[p.grade]! >= 15): Rec {
  return {
    ...rosterRec(p, adult),
    prefix: p.male ? (adult ? 'นาย' : 'เด็กชาย') : adult ? 'นางสาว' : 'เด็กหญิง',
    gender: p.male ? 'ช' : 'ญ',
  };
}

function rosterRow(r: Rec, no: number, sid: string, dateCell: boolean): Cell[] {
  const dob = dateCell ? new Date(r.dob.y, r.dob.m - 1, r.dob.d) : beText(r.dob);
  return [no, r.cid, sid, r.prefix, r.first, r.last, r.gender, dob, r.grade, r.room, 30, 140, r.status, r.exam];
}

function dmcRow(r: Rec, sid: string): Cell[] {
  return [
    '10100001',
    'โรงเรียนบ้านตัวอย่าง',
    r.cid,
    r.grade,
    String(r.room),
    sid,
    r.gender,
    r.prefix,
    r.first,
    r.last,
    beText(r.dob),
    '',
    '30',
    '140',
    'O',
    'พุทธ',
    'ไทย',
    'ไทย',
    'หมู่ 1',
    '',
    '',
  ];
}

/** One student or planted difference: its roster record (if any), DMC's records, what must be found. */
interface Entry {
  cls: DiffClass | null;
  sid: string;
  roster: Rec | null;
  dmc: Rec[];
  expect: Array<{ rule: string; side: 'roster' | 'dmc'; field: FieldKey; severity: Severity; dmcIndex?: number }>;
  match: { kind: MatchKind; reason?: MatchReason; dmcIndex?: number } | null;
}

class People {
  private ids = new Set<string>();
  private reservedNames = new Set<string>();
  private reservedDays = new Set<string>();
  private sid = 10000;
  constructor(readonly rand: () => number) {}

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }

  cid(): string {
    let id: string;
    do id = fakeCid(this.rand);
    while (this.ids.has(id));
    this.ids.add(id);
    return id;
  }

  /** The same ID with the digit at `index` (0-based, 0–11) changed and the check digit made again. */
  oneDigit(id: string, index: number): string {
    let out: string;
    do {
      const d = (Number(id[index]) + 1 + Math.floor(this.rand() * 9)) % 10;
      out = withCheckDigit(id.slice(0, index) + String(d) + id.slice(index + 1, 12));
    } while (this.ids.has(out));
    this.ids.add(out);
    return out;
  }

  private dob(grade: string): Ymd {
    const y = ACADEMIC_YEAR - BE_OFFSET - AGE[grade]! - (this.rand() < 0.5 ? 1 : 0);
    return { y, m: 1 + Math.floor(this.rand() * 12), d: 1 + Math.floor(this.rand() * 28) };
  }

  /**
   * A person. A planted one gets a name no other student has and a birth date nobody else has, so
   * that only the planted slip can make (or refuse) its match.
   */
  person(planted: boolean, want: Partial<Person> = {}): Person {
    const grade = want.grade ?? this.pick(GRADES);
    const male = want.male ?? this.rand() < 0.5;
    for (;;) {
      const first = want.first ?? this.pick(male ? MALE : FEMALE);
      const last = want.last ?? this.pick(LAST);
      const dob = want.dob ?? this.dob(grade);
      const name = `${first}|${last}`;
      if (this.reservedNames.has(name) || this.reservedDays.has(iso(dob))) {
        if (want.first && want.last && want.dob) throw new Error(`reserved: ${name} ${iso(dob)}`);
        continue;
      }
      if (planted) this.reserve(name, dob);
      return {
        cid: want.cid ?? this.cid(),
        sid: String(this.sid++),
        male,
        first,
        last,
        dob,
        grade,
        room: want.room ?? 1 + Math.floor(this.rand() * 3),
      };
    }
  }

  /** Keeps a name (first|last, or '' for none) and a day away from every other student. */
  reserve(name: string, dob?: Ymd): void {
    if (name) this.reservedNames.add(name);
    if (dob) this.reservedDays.add(iso(dob));
  }

  isFree(name: string, dob?: Ymd): boolean {
    return !(name && this.reservedNames.has(name)) && (!dob || !this.reservedDays.has(iso(dob)));
  }

  /** A planted person whose first or last name offers a place for the slip. */
  slipped(kind: keyof typeof NAME_SLIPS): { person: Person; field: 'firstName' | 'lastName'; typo: string } {
    for (;;) {
      const male = this.rand() < 0.5;
      const first = this.pick(male ? MALE : FEMALE);
      const last = this.pick(LAST);
      const f = NAME_SLIPS[kind](first);
      const l = f === null ? NAME_SLIPS[kind](last) : null;
      if (f === null && l === null) continue;
      const typoName = f !== null ? `${f}|${last}` : `${first}|${l}`;
      if (!this.isFree(`${first}|${last}`) || !this.isFree(typoName)) continue;
      this.reserve(typoName);
      const person = this.person(true, { male, first, last });
      return { person, field: f !== null ? 'firstName' : 'lastName', typo: (f ?? l)! };
    }
  }
}

// ---------------------------------------------------------------- planting

const cidOn = (side: 'roster' | 'dmc', severity: Severity, rule: string, dmcIndex?: number) => ({
  rule,
  side,
  field: 'cid' as const,
  severity,
  ...(dmcIndex !== undefined && { dmcIndex }),
});
const onRoster = (rule: string, field: FieldKey, severity: Severity) => ({
  rule,
  side: 'roster' as const,
  field,
  severity,
});
const ID_DIFFERS = onRoster('dmc.id-differs', 'cid', 'error');
const differs = (field: FieldKey) => onRoster('dmc.field-differs', field, 'warning');

function plant(cls: DiffClass, people: People): Entry {
  const rand = people.rand;
  const base = (p: Person): Entry => ({
    cls,
    sid: p.sid,
    roster: rosterRec(p),
    dmc: [dmcRec(p)],
    expect: [],
    match: { kind: 'id' },
  });
  /** An ID one digit off (not digit 3), as the roster holds it. */
  const otherId = (p: Person) => people.oneDigit(p.cid, 3 + Math.floor(rand() * 9));
  switch (cls) {
    case 'missing-in-dmc': {
      const e = base(people.person(true));
      return { ...e, dmc: [], expect: [cidOn('roster', 'error', 'dmc.not-in-dmc')], match: null };
    }
    case 'missing-in-dmc-left': {
      const e = base(people.person(true));
      e.roster = { ...e.roster!, status: 'ย้ายออก', exam: '' };
      return { ...e, dmc: [], expect: [cidOn('roster', 'warning', 'dmc.not-in-dmc')], match: null };
    }
    case 'missing-in-roster': {
      const e = base(people.person(true));
      return { ...e, roster: null, expect: [cidOn('dmc', 'warning', 'dmc.not-in-roster')], match: null };
    }
    case 'id-one-digit':
    case 'id-digit-3': {
      const p = people.person(true);
      const e = base(p);
      // Digit 3 (index 2) weighs 11 in the checksum: changed, the check digit stays the same and valid.
      const index = cls === 'id-digit-3' ? 2 : 3 + Math.floor(rand() * 9);
      e.roster!.cid = people.oneDigit(p.cid, index);
      return { ...e, expect: [ID_DIFFERS], match: { kind: 'name-dob' } };
    }
    case 'name-tone-mark':
    case 'name-vowel':
    case 'name-double-sara-e':
    case 'name-thanthakhat':
    case 'name-swapped': {
      const kind = cls.slice(5) as keyof typeof NAME_SLIPS;
      const { person, field, typo } = people.slipped(kind);
      const e = base(person);
      e.roster = { ...e.roster!, cid: otherId(person), [field === 'firstName' ? 'first' : 'last']: typo };
      // เเ for แ is one spelling once normalised: the roster check reports it (name.thai-typo).
      if (kind === 'double-sara-e') return { ...e, expect: [ID_DIFFERS], match: { kind: 'name-dob' } };
      return { ...e, expect: [ID_DIFFERS, differs(field)], match: { kind: 'fuzzy', reason: kind } };
    }
    case 'dob-day-month':
    case 'dob-one-digit': {
      for (;;) {
        const p = people.person(false);
        const { y, m, d } = p.dob;
        const typo =
          cls === 'dob-day-month'
            ? { y, m: d <= 12 && d !== m ? d : 0, d: m }
            : { y, m, d: d % 10 === 9 || d === 28 ? d - 1 : d + 1 };
        if (typo.m === 0 || !people.isFree(`${p.first}|${p.last}`, p.dob) || !people.isFree('', typo)) continue;
        people.reserve(`${p.first}|${p.last}`, p.dob);
        people.reserve('', typo);
        const e = base(p);
        e.roster = { ...e.roster!, cid: otherId(p), dob: typo };
        const reason = cls === 'dob-day-month' ? 'day-month-swapped' : 'one-digit';
        return { ...e, expect: [ID_DIFFERS, differs('dob')], match: { kind: 'fuzzy', reason } };
      }
    }
    case 'grade-advanced': {
      const e = base(people.person(true, { grade: people.pick(GRADES.slice(0, 8)) }));
      e.roster!.grade = NEXT[e.dmc[0]!.grade]!;
      return { ...e, expect: [onRoster('dmc.grade-advanced', 'grade', 'error')] };
    }
    case 'field-prefix': {
      const e = base(people.person(true, { male: true, grade: 'ป.5' }));
      e.roster!.prefix = 'นาย';
      return { ...e, expect: [differs('prefix')] };
    }
    case 'field-gender': {
      const e = base(people.person(true));
      e.roster!.gender = e.roster!.gender === 'ชาย' ? 'หญิง' : 'ชาย';
      return { ...e, expect: [differs('gender')] };
    }
    case 'field-first-name':
    case 'field-last-name': {
      const p = people.person(true, { male: true });
      const e = base(p);
      const field = cls === 'field-first-name' ? 'firstName' : 'lastName';
      // Another name entirely (a change of name, or another child's), not a slip.
      if (field === 'firstName') e.roster!.first = p.first === 'ธีรภัทร' ? 'อนุชา' : 'ธีรภัทร';
      else e.roster!.last = p.last === 'คงกระพัน' ? 'สมบูรณ์' : 'คงกระพัน';
      return { ...e, expect: [differs(field)] };
    }
    case 'field-dob': {
      const p = people.person(true);
      const e = base(p);
      e.roster!.dob = { y: p.dob.y - 1, m: (p.dob.m % 12) + 1, d: p.dob.d };
      return { ...e, expect: [differs('dob')] };
    }
    case 'field-grade': {
      const e = base(people.person(true, { grade: 'ป.4' }));
      e.roster!.grade = 'ป.6';
      return { ...e, expect: [differs('grade')] };
    }
    case 'field-room': {
      const e = base(people.person(true, { room: 1 }));
      e.roster!.room = 2;
      return { ...e, expect: [differs('room')] };
    }
    case 'duplicate-in-dmc-copy': {
      const e = base(people.person(true));
      return {
        ...e,
        dmc: [e.dmc[0]!, { ...e.dmc[0]! }],
        expect: [cidOn('dmc', 'error', 'dmc.duplicate-in-dmc', 0), cidOn('dmc', 'error', 'dmc.duplicate-in-dmc', 1)],
      };
    }
    case 'duplicate-in-dmc-other':
      // Handled by plantPair: two students.
      throw new Error('two entries');
    case 'similar-not-same': {
      // A roster student and a DMC student one tone mark apart in name, born on unrelated days: two people.
      const { person, field, typo } = people.slipped('tone-mark');
      const other = people.person(true, { grade: person.grade, male: person.male });
      const e = base(person);
      const dmc = dmcRec({ ...other, first: person.first, last: person.last });
      e.roster = { ...e.roster!, [field === 'firstName' ? 'first' : 'last']: typo };
      return {
        ...e,
        dmc: [dmc],
        expect: [cidOn('roster', 'error', 'dmc.not-in-dmc'), cidOn('dmc', 'warning', 'dmc.not-in-roster')],
        match: null,
      };
    }
  }
}

/** Two students, one ID in DMC: A as A, B under A's ID; the roster holds both with their own IDs. */
function plantDuplicateOther(people: People): Entry[] {
  const a = people.person(true);
  const b = people.person(true);
  const ea: Entry = {
    cls: 'duplicate-in-dmc-other',
    sid: a.sid,
    roster: rosterRec(a),
    dmc: [dmcRec(a), dmcRec({ ...b, cid: a.cid })],
    expect: [cidOn('dmc', 'error', 'dmc.duplicate-in-dmc', 0), cidOn('dmc', 'error', 'dmc.duplicate-in-dmc', 1)],
    match: { kind: 'id', dmcIndex: 0 },
  };
  // B's roster row pairs with the DMC row under A's ID (entry A's second DMC record).
  const eb: Entry = { cls: null, sid: b.sid, roster: rosterRec(b), dmc: [], expect: [], match: null };
  return [ea, eb];
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/**
 * A roster and DMC's download of the same school: `n` clean students, then `copies` of each class in
 * `classes`, rows shuffled independently on each side.
 */
export function dmcPair({
  n = 150,
  seed = 1,
  copies = 1,
  classes = DIFF_CLASSES as readonly DiffClass[],
}: { n?: number; seed?: number; copies?: number; classes?: readonly DiffClass[] } = {}): DmcPair {
  const rand = rng(seed);
  const people = new People(rand);
  const entries: Entry[] = [];
  // Planted people first, so clean students keep clear of their reserved names and days.
  const pairedB = new Map<Entry, Entry>();
  for (let c = 0; c < copies; c++) {
    for (const cls of classes) {
      if (cls === 'duplicate-in-dmc-other') {
        const [a, b] = plantDuplicateOther(people);
        pairedB.set(a!, b!);
        entries.push(a!, b!);
      } else entries.push(plant(cls, people));
    }
  }
  for (let i = 0; i < n; i++) {
    const p = people.person(false);
    entries.push({ cls: null, sid: p.sid, roster: rosterRec(p), dmc: [dmcRec(p)], expect: [], match: { kind: 'id' } });
  }

  const rosterOrder = shuffle(
    entries.filter((e) => e.roster),
    rand,
  );
  const dmcOrder = shuffle(
    entries.flatMap((e) => e.dmc.map((_, k) => [e, k] as const)),
    rand,
  );
  const rosterRowOf = new Map<Entry, number>();
  const dmcRowOf = new Map<Entry, number[]>();
  const rosterValues: Cell[][] = [[`รายชื่อนักเรียน ปีการศึกษา ${ACADEMIC_YEAR}`], [...HEADERS]];
  rosterOrder.forEach((e, i) => {
    rosterRowOf.set(e, FIRST_ROW + i + 1);
    // A third of the birth dates are date cells, as Sheets hands them over.
    rosterValues.push(rosterRow(e.roster!, i + 1, e.sid, i % 3 === 0));
  });
  const dmcValues: Cell[][] = [['วันและเวลาที่สร้างรายงาน 15/03/2569 02:00:00'], [...DMC_HEADERS]];
  dmcOrder.forEach(([e, k], i) => {
    const rows = dmcRowOf.get(e) ?? [];
    rows[k] = FIRST_ROW + i + 1;
    dmcRowOf.set(e, rows);
    dmcValues.push(dmcRow(e.dmc[k]!, e.sid));
  });

  const planted: Planted[] = [];
  for (const e of entries) {
    if (!e.cls) continue;
    const rosterRow = rosterRowOf.get(e);
    const dmcRows = dmcRowOf.get(e) ?? [];
    const expect: Expected[] = e.expect.map((x) => {
      const row = x.side === 'roster' ? rosterRow! : dmcRows[x.dmcIndex ?? 0]!;
      const col = (x.side === 'roster' ? ROSTER_COL : DMC_COL)[x.field]!;
      return { rule: x.rule, side: x.side, field: x.field, severity: x.severity, cell: a1(row - 1, col) };
    });
    const b = pairedB.get(e);
    const rosterRows = [rosterRow, b && rosterRowOf.get(b)].filter((r): r is number => r !== undefined);
    if (b) {
      // B (roster, own ID) pairs by name and dob with DMC's row under A's ID.
      const bRow = rosterRowOf.get(b)!;
      expect.push({ rule: 'dmc.id-differs', side: 'roster', field: 'cid', severity: 'error', cell: a1(bRow - 1, 1) });
    }
    planted.push({
      cls: e.cls,
      rosterRows,
      dmcRows,
      expect,
      match:
        e.match && rosterRow !== undefined
          ? {
              rosterRow,
              // Copies of one record are interchangeable: either may be the one matched.
              dmcRows: e.cls === 'duplicate-in-dmc-copy' ? dmcRows : [dmcRows[e.match.dmcIndex ?? 0]!],
              kind: e.match.kind,
              ...(e.match.reason && { reason: e.match.reason }),
            }
          : null,
    });
  }
  return {
    roster: { source: 'roster.xlsx', sheets: [{ name: ROSTER_SHEET, values: rosterValues }] },
    dmc: { name: DMC_SHEET, values: dmcValues },
    dmcSource: DMC_SOURCE,
    planted,
  };
}
