/** Real-shaped inputs through the core: the DMC download, Excel's re-save, CSV exports, per-class workbooks. */
import { describe, expect, it } from 'vitest';
import { validate, validateWorkbook } from '../src/core/validate';
import type { Cell } from '../src/core/types';
import { cidOf, SETTINGS, wrongCheckDigit } from './support/rules';
import { DMC_LEAD_HEADERS } from './support/dmc-download';

const decomposed = (s: string) => s.replace(/\u0e33/g, '\u0e4d\u0e32');
const rules = (r: { findings: Array<{ rule: string }> }) => r.findings.map((f) => f.rule);

/** The DMC download's columns, as it names them (the citizen ID under "เลขประจำตัวนักเรียน"). */
const DMC_HEADER = [...DMC_LEAD_HEADERS, 'สัญชาติ', 'ชื่อ-สกุลบิดา (ถ้ามี)'];

function dmcRow(i: number, cid: Cell = cidOf(i)): Cell[] {
  return [
    '10100001',
    'โรงเรียนบ้านตัวอย่าง',
    cid,
    'ป.6',
    '1',
    String(19000 + i),
    'ช',
    'เด็กชาย',
    'สมชาย',
    `ใจดี${'กขค'[i % 3]}`,
    '15/03/2558',
    '11',
    '35',
    '140',
    'ไทย',
    'นายสมศักดิ์ ใจดี',
  ];
}

function dmcDownload(rows: Cell[][], header = DMC_HEADER): Cell[][] {
  return [['วันและเวลาที่สร้างรายงาน 15/03/2570 02:00:00'], header, ...rows];
}

describe('the DMC download as downloaded', () => {
  it('maps the twice-named ID column by content, reads every student and finds nothing on clean rows', () => {
    const r = validate(dmcDownload([dmcRow(1), dmcRow(2), dmcRow(3)]), SETTINGS);
    expect(r.summary.headerRow).toBe(2);
    expect(r.summary.students).toBe(3);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('never takes the father’s name column for the student’s name', () => {
    const r = validate(dmcDownload([dmcRow(1)]), SETTINGS);
    expect(r.findings.some((f) => f.column === 'ชื่อ-สกุลบิดา (ถ้ามี)')).toBe(false);
  });

  it('infers the academic year from the timestamp line and says so', () => {
    const r = validate(dmcDownload([dmcRow(1)]), {}, { now: new Date(2027, 10, 1) });
    expect(r.summary.dates).toMatchObject({
      academicYear: 2569,
      academicYearFrom: 'dmc-timestamp',
      asOf: '2027-03-31',
    });
  });
});

describe('re-saved by Excel', () => {
  const header = DMC_HEADER.map(decomposed).map((h, i) => (i === 7 ? `\u200b${h}\u00a0` : h));

  it('maps headers written with a decomposed sara am and invisible characters', () => {
    const r = validate(dmcDownload([dmcRow(1)], header), SETTINGS);
    expect(r.summary.students).toBe(1);
    expect(r.findings.filter((f) => f.rule.startsWith('header.') && f.severity !== 'info')).toEqual([]);
  });

  it('reads IDs stored as numbers: stored-as-number on each, a lost leading zero found', () => {
    const zero = `0${cidOf(5).slice(1, 12)}`;
    const typeZero = zero + String((11 - ([...zero].reduce((s, d, i) => s + Number(d) * (13 - i), 0) % 11)) % 10);
    const rows = [dmcRow(1, Number(cidOf(1))), dmcRow(2, Number(typeZero)), dmcRow(3, Number(cidOf(3)))];
    const r = validate(dmcDownload(rows, header), SETTINGS);
    expect(r.findings.filter((f) => f.rule === 'cid.stored-as-number').map((f) => f.cell)).toEqual(['C3', 'C4', 'C5']);
    expect(r.findings.filter((f) => f.rule === 'cid.leading-zero-lost').map((f) => f.cell)).toEqual(['C4']);
    expect(rules(r)).not.toContain('cid.format');
  });

  it('reads birth dates as date cells, BE typed into a date cell included', () => {
    const a = dmcRow(1);
    a[10] = new Date(2015, 2, 15);
    const b = dmcRow(2);
    b[10] = new Date(2558, 2, 15);
    const r = validate(dmcDownload([a, b], header), SETTINGS);
    expect(r.findings.filter((f) => f.field === 'dob')).toEqual([]);
  });

  it('maps vocabulary values written with a decomposed sara am', () => {
    const table = [
      ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'สถานะ', decomposed('สอบปลายภาค')],
      [cidOf(1), 'สมชาย', 'ใจดี', decomposed('กำลังศึกษา'), 'สอบ'],
    ];
    const r = validate(table, SETTINGS);
    expect(r.summary.examTakers.hasExamColumn).toBe(true);
    expect(rules(r)).not.toContain('exam.missing');
  });
});

describe('exported as CSV', () => {
  it('strips the apostrophe exports write, and reads "19001.0" as student number 19001', () => {
    const rows = [dmcRow(1, `'${cidOf(1)}`), dmcRow(2, `'${cidOf(2)}`)];
    rows[0]![5] = '19001.0';
    rows[1]![5] = '19001';
    const r = validate(dmcDownload(rows), SETTINGS);
    expect(rules(r).filter((x) => x.startsWith('cid.'))).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'sid.duplicate').map((f) => f.cell)).toEqual(['F3', 'F4']);
  });

  it('gives an ID Excel turned into 1.1E+12 a cid.format with the reason', () => {
    // Excel writes every long number of the column this way once it has saved the CSV.
    const r = validate(dmcDownload([dmcRow(1, '1.10370020703E+12'), dmcRow(2, '1.10370020704E+12')]), SETTINGS);
    const f = r.findings.find((x) => x.rule === 'cid.format')!;
    expect(f.cell).toBe('C3');
    expect(f.message.en).toContain('Excel turned the ID into a number and its last digits are lost');
  });
});

describe('a per-class workbook', () => {
  const classSheet = (title: string, rows: Cell[][]): Cell[][] => [
    ['โรงเรียนบ้านตัวอย่าง'],
    [title],
    ['ปีการศึกษา 2569'],
    ['ที่', 'เลขประจำตัว', 'เลขประจำตัวประชาชน', 'ชื่อ-สกุล', 'วันเกิด', 'น้ำหนัก', 'ส่วนสูง', 'ชื่อ-สกุลบิดา (ถ้ามี)'],
    ...rows,
  ];
  const kid = (i: number, dob: string, cid = cidOf(i)): Cell[] => [
    i,
    30000 + i,
    cid,
    `ด.ช. สมชาย ใจดี${i}`,
    dob,
    40,
    150,
    'นายสมศักดิ์ ใจดี',
  ];
  const summary: Cell[][] = [
    ['ชั้น', 'ชาย', 'หญิง', 'รวม'],
    ['ม.1', 2, 0, 2],
  ];

  const book = () =>
    validateWorkbook(
      {
        sheets: [
          { name: 'สรุป', values: summary },
          { name: 'ม.1-1', values: classSheet('ชั้น ม.1/1', [kid(1, '15/03/2557'), kid(2, '15/03/2557', cidOf(7))]) },
          { name: 'ม.2-1', values: classSheet('', [kid(3, '15/03/2556'), kid(4, '15/03/2550')]) },
          { name: 'ม.3-1', values: classSheet('', [kid(5, '15/03/2555'), kid(7, '15/03/2555')]) },
        ],
      },
      SETTINGS,
    );

  it('checks every class sheet and lists the summary as skipped', () => {
    const w = book();
    expect(w.reports.map((r) => r.sheet)).toEqual(['ม.1-1', 'ม.2-1', 'ม.3-1']);
    expect(w.skipped.map((s) => s.sheet)).toEqual(['สรุป']);
    expect(w.reports.every((r) => r.findings.every((f) => f.sheet === r.sheet))).toBe(true);
  });

  it('takes the grade from the title line or the sheet name and says so', () => {
    const [m1, m2] = book().reports;
    expect(m1!.summary.gradeFrom).toBe('title');
    expect(m2!.summary.gradeFrom).toBe('sheet-name');
    expect(
      m1!.findings.filter(
        (f) => f.rule.startsWith('grade.') || (f.rule === 'header.missing-column' && f.field === 'grade'),
      ),
    ).toEqual([]);
  });

  it('judges age against the sheet’s grade, pointing at the birth date', () => {
    const m2 = book().reports[1]!;
    const f = m2.findings.find((x) => x.rule === 'age.grade')!;
    expect(f.cell).toBe('E6');
  });

  it('reports a duplicate ID on every row involved, naming the other sheet and row', () => {
    const w = book();
    const dups = w.reports.flatMap((r) => r.findings.filter((f) => f.rule === 'cid.duplicate'));
    expect(dups.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['ม.1-1!C6', 'ม.3-1!C6']);
    expect(dups[0]!.message.th).toContain('แผ่นงาน "ม.3-1"');
    expect(dups[1]!.message.en).toContain('row 6 (sheet "ม.1-1")');
  });

  it('counts exam takers by the gender the prefix gives when there is no gender column', () => {
    const m1 = book().reports[0]!;
    expect(m1.summary.examTakers.hasExamColumn).toBe(false);
    const table = validateWorkbook(
      {
        sheets: [
          {
            name: 'ม.1-1',
            values: [
              ...classSheet('', [kid(1, '15/03/2557')]).map((r, i) =>
                i === 3 ? [...r, 'สอบปลายภาค'] : i > 3 ? [...r, 'สอบ'] : r,
              ),
            ],
          },
        ],
      },
      SETTINGS,
    ).reports[0]!;
    expect(table.summary.examTakers.total).toMatchObject({ male: 1, female: 0, total: 1 });
  });

  it('judges grade.top-empty over every sheet together, and never for one class alone', () => {
    const w = validateWorkbook(
      {
        sheets: [
          { name: 'ม.1-1', values: classSheet('', [kid(1, '15/03/2557')]) },
          { name: 'ม.2-1', values: classSheet('', [kid(3, '15/03/2556')]) },
        ],
      },
      SETTINGS,
    );
    expect(w.reports.flatMap((r) => r.findings).filter((f) => f.rule === 'grade.top-empty')).toHaveLength(1);
    expect(
      book()
        .reports.flatMap((r) => r.findings)
        .filter((f) => f.rule === 'grade.top-empty'),
    ).toEqual([]);
    const alone = validateWorkbook(
      { sheets: [{ name: 'ม.2-1', values: classSheet('', [kid(3, '15/03/2556')]) }] },
      SETTINGS,
    );
    expect(rules(alone.reports[0]!)).not.toContain('grade.top-empty');
  });

  it('never checks the add-on’s own sheets (a workbook downloaded from Sheets carries them)', () => {
    const form = classSheet('', [kid(1, '15/03/2557')]).slice(3);
    const w = validateWorkbook(
      {
        sheets: [
          { name: 'ม.1-1', values: classSheet('', [kid(1, '15/03/2557')]) },
          { name: 'แบบขอแก้ไขเลขประจำตัวประชาชน', values: form },
        ],
      },
      SETTINGS,
    );
    expect(w.reports.map((r) => r.sheet)).toEqual(['ม.1-1']);
    expect(w.skipped.map((s) => s.sheet)).toEqual(['แบบขอแก้ไขเลขประจำตัวประชาชน']);
    expect(rules(w.reports[0]!)).not.toContain('cid.duplicate');
  });

  it('takes a DMC download beside the roster for the other side of a reconciliation, not a roster', () => {
    const w = validateWorkbook(
      {
        sheets: [
          { name: 'ม.1-1', values: classSheet('', [kid(1, '15/03/2557')]) },
          { name: 'ข้อมูลนักเรียนรายบุคคล', values: dmcDownload([dmcRow(1)]) },
        ],
      },
      SETTINGS,
    );
    expect(w.reports.map((r) => r.sheet)).toEqual(['ม.1-1']);
    expect(w.skipped.map((s) => [s.sheet, s.reason.en])).toEqual([
      ['ข้อมูลนักเรียนรายบุคคล', expect.stringContaining('DMC download')],
    ]);
    // Alone, or beside sheets that hold no roster, the download is the roster to check.
    expect(validate(dmcDownload([dmcRow(1)]), SETTINGS).summary.students).toBe(1);
    const withNotes = validateWorkbook(
      {
        sheets: [
          { name: 'DMC', values: dmcDownload([dmcRow(1)]) },
          { name: 'คำชี้แจง', values: [['อ่านก่อน']] },
        ],
      },
      SETTINGS,
    );
    expect(withNotes.reports.map((r) => r.sheet)).toEqual(['DMC']);
  });

  it('a workbook with no roster sheet at all gives header.not-found once', () => {
    const w = validateWorkbook({
      sheets: [
        { name: 'สรุป', values: summary },
        { name: 'คำชี้แจง', values: [['อ่านก่อน']] },
      ],
    });
    expect(w.reports).toHaveLength(1);
    expect(rules(w.reports[0]!)).toEqual(['header.not-found']);
    expect(w.skipped.map((s) => s.sheet)).toEqual(['คำชี้แจง']);
  });

  it('finds a checksum error in a class sheet', () => {
    const w = validateWorkbook(
      { sheets: [{ name: 'ม.1-1', values: classSheet('', [kid(1, '15/03/2557', wrongCheckDigit(cidOf(1)))]) }] },
      SETTINGS,
    );
    expect(w.reports[0]!.findings.find((f) => f.rule === 'cid.checksum')!.cell).toBe('C5');
  });
});

describe('names as keyboards and PDFs write them', () => {
  it('reports a decomposed sara am in a name as name.thai-typo, without changing it', () => {
    const table = [
      ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล'],
      [cidOf(1), decomposed('กำพล'), 'ใจดี'],
    ];
    const r = validate(table, SETTINGS);
    const f = r.findings.find((x) => x.rule === 'name.thai-typo')!;
    expect(f.value).toBe(decomposed('กำพล'));
    expect(f.message.en).toContain('nikhahit');
  });
});
