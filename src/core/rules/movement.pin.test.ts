/**
 * Pins the phase-3 movement and exam rules through validate(): the whole status × exam table, the exam-end
 * boundary to the day, and which advice each message gives (issue 15). Check date 20 March 2027, academic
 * year 2569, exams ending 31 March 2027 (31/03/2570).
 */
import { describe, expect, it } from 'vitest';
import { check, findingsOf, type Case } from '../../../test/support/rules';
import { rulesMarkdown } from '../rules-doc';
import type { Finding } from '../types';

const fires = (c: Case, rule: string): Finding[] => findingsOf(c, rule);
const MOVEMENT = /^(move|exam)\./;

/** The status words of each kind, and exam words of each kind. */
const STATUS = {
  present: 'ปกติ',
  joined: 'ย้ายเข้า',
  left: 'ย้ายออก',
  dropout: 'ออกกลางคัน',
  graduated: 'จบการศึกษา',
  other: 'พักการเรียน',
} as const;
const EXAM = { took: 'สอบ', not: 'ไม่สอบ', blank: '', unknown: 'อาจจะ' } as const;

/** What each combination gets: RULES.md, "Movement and the final exam". */
function expected(status: keyof typeof STATUS, exam: keyof typeof EXAM): string[] {
  const present = status === 'present' || status === 'joined' || status === 'other';
  const rules: string[] = [];
  if (status === 'joined' && exam === 'not') rules.push('move.in-without-exam');
  if ((status === 'left' || status === 'dropout') && exam === 'took') rules.push('move.out-after-exam');
  if (status === 'dropout') rules.push('move.dropout');
  if (status === 'graduated') rules.push('move.graduated');
  if (present && (exam === 'blank' || exam === 'unknown')) rules.push('exam.missing');
  if (present && status !== 'joined' && exam === 'not') rules.push('exam.not-taken');
  return rules.sort();
}

describe('status × exam: every combination gets exactly its rules', () => {
  const cases = Object.keys(STATUS).flatMap((s) =>
    Object.keys(EXAM).map((e) => [s, e] as [keyof typeof STATUS, keyof typeof EXAM]),
  );
  it.each(cases)('%s, exam %s', (s, e) => {
    const found = check({ row: { status: STATUS[s], exam: EXAM[e] } }).findings.filter((f) => MOVEMENT.test(f.rule));
    expect(found.map((f) => f.rule).sort()).toEqual(expected(s, e));
  });
});

describe('messages: which advice each gives', () => {
  it('move.in-without-exam: not added in the end-of-year round', () => {
    const f = fires({ row: { status: 'ย้ายเข้า', exam: 'ไม่สอบ' } }, 'move.in-without-exam');
    expect(f.map((x) => x.cell)).toEqual(['L2']);
    expect(f[0]!.message.en).toContain('should not be added in the end-of-year round');
    expect(f[0]!.message.th).toContain('ไม่ควรเพิ่มในรอบสิ้นปี');
  });
  it('move.out-after-exam names the status and says to restore it', () => {
    const f = fires({ row: { status: 'จำหน่าย', exam: 'สอบ' } }, 'move.out-after-exam')[0]!;
    expect(f.message.en).toBe(
      'Status «จำหน่าย» but the student took the final exam — restore the status; transfer out only after the new year opens',
    );
    expect(f.message.th).toContain('สถานะ «จำหน่าย» แต่นักเรียนเข้าสอบปลายภาคแล้ว — คืนสถานะเป็นปกติ');
  });
  it('move.dropout: consult the district office', () => {
    const f = fires({ row: { status: 'ออกกลางคัน', exam: 'ไม่สอบ' } }, 'move.dropout')[0]!;
    expect(f.message.en).toContain('consult the district office');
    expect(f.message.th).toContain('ปรึกษาสำนักงานเขตพื้นที่');
  });
  it('move.graduated: menu 3.2.2', () => {
    const f = fires({ row: { status: 'จบ' } }, 'move.graduated')[0]!;
    expect(f.message.en).toContain('DMC menu 3.2.2, not as a transfer out');
    expect(f.message.th).toContain('เมนู 3.2.2');
  });
  it('exam.missing: not recorded, or a word it does not know', () => {
    const blank = fires({ row: { exam: '' } }, 'exam.missing')[0]!;
    expect(blank.message.en).toBe('Final exam is not recorded — enter took or did not');
    expect(blank.message.th).toBe('ไม่ได้ระบุการสอบปลายภาค — ใส่ สอบ หรือ ไม่สอบ');
    for (const exam of [' ', '\u00a0', '\t']) {
      expect(fires({ row: { exam } }, 'exam.missing')[0]!.message.en).toBe(
        'Final exam is not recorded — enter took or did not',
      );
    }
    const unknown = fires({ row: { exam: 'อาจจะ' } }, 'exam.missing')[0]!;
    expect(unknown.message.en).toBe('Final exam value «อาจจะ» is not recognised — enter took or did not');
    expect(unknown.message.th).toBe('ไม่รู้จักค่า «อาจจะ»การสอบปลายภาค — ใส่ สอบ หรือ ไม่สอบ');
  });
  it('exam.not-taken: menu 3.1.8', () => {
    const f = fires({ row: { exam: 'ไม่สอบ' } }, 'exam.not-taken')[0]!;
    expect(f.message.en).toContain('record in menu 3.1.8');
    expect(f.message.th).toContain('บันทึกในเมนู 3.1.8');
  });
  it('a sheet without an exam column is not told every exam is missing', () => {
    const columns: Case['columns'] = ['cid', 'firstName', 'lastName', 'gender', 'dob', 'grade', 'status'];
    expect(fires({ columns }, 'exam.missing')).toEqual([]);
  });
});

describe('move.new-next-year: entered after the final exams', () => {
  it.each([
    ['31/03/2570', false],
    ['01/04/2570', true],
    ['2027-03-31', false],
    ['2027-04-01', true],
    ['16/05/2570', true],
    ['', false],
  ])('entry date %j: fires %s', (entryDate, yes) => {
    const f = fires({ row: { entryDate } }, 'move.new-next-year');
    expect(f.length).toBe(yes ? 1 : 0);
  });
  it('names both dates in BE', () => {
    const f = fires({ row: { entryDate: '2027-04-01' } }, 'move.new-next-year')[0]!;
    expect(f.cell).toBe('N2');
    expect(f.message.en).toBe(
      'Entered on 01/04/2570, after the final exams (31/03/2570) — a student for next year; do not enter now, or transfer out at once',
    );
    expect(f.message.th).toContain('เข้าเรียนวันที่ 01/04/2570 หลังสอบปลายภาค (31/03/2570)');
  });
  it('follows the exam end of the settings', () => {
    const c = (entryDate: string): Case => ({ row: { entryDate }, settings: { examEnd: '2027-03-10' } });
    expect(fires(c('10/03/2570'), 'move.new-next-year')).toEqual([]);
    expect(fires(c('11/03/2570'), 'move.new-next-year')[0]!.message.en).toContain('after the final exams (10/03/2570)');
  });
});

describe('date.invalid', () => {
  it.each(['32/01/2564', '29/02/2565', 'ไม่ทราบ', '16/13/2564'])('entry date %j', (entryDate) => {
    const f = fires({ row: { entryDate } }, 'date.invalid');
    expect(f.map((x) => x.cell)).toEqual(['N2']);
    expect(f[0]!.message.en).toBe(`Entry date «${entryDate}» cannot be read or does not exist — use dd/mm/yyyy (BE)`);
    expect(f[0]!.message.th).toContain(`«${entryDate}» อ่านไม่ได้หรือไม่มีวันนี้จริง — ใช้ วว/ดด/ปปปป พ.ศ.`);
  });
  it('both dates of a row, each at its cell and named', () => {
    const f = fires({ row: { entryDate: 'ก่อนปีใหม่', leaveDate: '30/02/2566' } }, 'date.invalid');
    expect(f.map((x) => x.cell)).toEqual(['N2', 'O2']);
    expect(f[1]!.message.en).toMatch(/^Leave date «30\/02\/2566» cannot be read/);
  });
  it.each(['29/02/2567', '16/05/2564', ''])('%j is quiet', (leaveDate) =>
    expect(fires({ row: { leaveDate, entryDate: leaveDate } }, 'date.invalid')).toEqual([]),
  );
});

describe('each rule marks its own cell, with its severity', () => {
  // Default columns: L status, M final exam, N entry date, O leave date (added when a case sets it).
  it.each([
    ['move.in-without-exam', { status: 'ย้ายเข้า', exam: 'ไม่สอบ' }, 'L2', 'error'],
    ['move.out-after-exam', { status: 'ย้ายออก', exam: 'สอบ' }, 'L2', 'error'],
    ['move.new-next-year', { entryDate: '01/04/2570' }, 'N2', 'error'],
    ['move.dropout', { status: 'ออกกลางคัน', exam: 'ไม่สอบ' }, 'L2', 'warning'],
    ['move.graduated', { status: 'จบการศึกษา' }, 'L2', 'warning'],
    ['exam.missing', { exam: '' }, 'M2', 'warning'],
    ['exam.not-taken', { exam: 'ไม่สอบ' }, 'M2', 'info'],
    ['date.invalid', { entryDate: '32/01/2564' }, 'N2', 'error'],
    ['date.invalid', { leaveDate: '32/01/2564' }, 'O2', 'error'],
  ] as Array<[string, Case['row'], string, string]>)('%s for %j: %s, %s', (rule, row, cell, severity) => {
    expect(fires({ row }, rule).map((f) => [f.cell, f.severity])).toEqual([[cell, severity]]);
  });
});

describe('docs/rules.md files date.invalid, which reads both dates, under the entry date', () => {
  it('its row', () => expect(rulesMarkdown()).toContain('| `date.invalid` | วันที่เข้าเรียน / entry date | '));
});
