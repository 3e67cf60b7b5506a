/**
 * Pins the field list as users meet it: every field named in Thai and English, no header meaning two fields,
 * and headers that only look like a field left unmapped (issue 15; each synonym is pinned in headers.pin.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { FIELD_KEYS, FIELD_LABEL, FIELDS } from './fields';
import { fieldOfHeader } from './headers';

const THAI = /[\u0e01-\u0e5b]/;
const LATIN = /[a-z]/i;

describe('the fields', () => {
  it('are the 22 of RULES.md', () => {
    expect([...FIELD_KEYS].sort()).toEqual(
      [
        'cid',
        'sid',
        'prefix',
        'firstName',
        'lastName',
        'fullName',
        'gender',
        'dob',
        'grade',
        'room',
        'weight',
        'height',
        'status',
        'exam',
        'entryDate',
        'leaveDate',
        'fatherCid',
        'motherCid',
        'guardianCid',
        'age',
        'nationality',
        'schoolCode',
      ].sort(),
    );
  });

  it.each(FIELD_KEYS)('%s has a label in Thai and in English', (key) => {
    const { th, en } = FIELD_LABEL[key];
    expect(th).toMatch(THAI);
    expect(th).not.toMatch(LATIN);
    expect(th.trim()).toBe(th);
    expect(en).toMatch(LATIN);
    expect(en).not.toMatch(THAI);
    expect(en.trim()).toBe(en);
    expect(FIELD_LABEL[key]).toEqual(FIELDS[key].label);
  });

  it('no two fields share a label in either language', () => {
    for (const lang of ['th', 'en'] as const) {
      const labels = FIELD_KEYS.map((k) => FIELD_LABEL[k][lang].toLowerCase());
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it.each(FIELD_KEYS)('%s: its Thai label, written as a column header, reads back as the same field', (key) => {
    expect(fieldOfHeader(FIELD_LABEL[key].th)).toBe(key);
  });

  it.each(FIELD_KEYS)('%s is named by at least one Thai and one English header', (key) => {
    expect(FIELDS[key].headers.some((h) => THAI.test(h))).toBe(true);
    expect(FIELDS[key].headers.some((h) => LATIN.test(h) && !THAI.test(h))).toBe(true);
  });

  it('no header names two fields: each listed header reads as its own field', () => {
    for (const key of FIELD_KEYS) for (const h of FIELDS[key].headers) expect([h, fieldOfHeader(h)]).toEqual([h, key]);
  });
});

// Only headers that clearly name something else: a plausible synonym not yet listed (e.g. "ชื่อจริง", "room no")
// is left out, so that adding one never breaks this test.
describe('headers that only look like a field stay unmapped', () => {
  it.each([
    // A part of a known header is not that header.
    'ชื่อเล่น',
    'ชื่อผู้ปกครอง',
    'ชื่อ-นามสกุลบิดา',
    'สกุลบิดา',
    'เพศบิดา',
    'ส่วนสูงบิดา',
    'สถานะบิดา',
    'อาชีพบิดา',
    'ปีเกิด',
    'เดือนเกิด',
    'สถานที่เกิด',
    'รหัส',
    'วันสอบ',
    'ผลการสอบ',
    'วันที่',
    // Columns rosters often hold that are no field.
    'เลขที่',
    'ลำดับ',
    'ที่',
    'เลขที่บ้าน',
    'หมายเหตุ',
    'โทรศัพท์',
    'หน่วยกิต',
    // English near-misses.
    'id',
    'no.',
    'citizen',
    'student',
    'school',
    'date',
    'birth',
    'first',
    'last',
    'full',
    'exam date',
    'grade point',
    'father name',
    'guardian',
    'email',
  ])('%j → no field', (header) => expect(fieldOfHeader(header)).toBeNull());
});
