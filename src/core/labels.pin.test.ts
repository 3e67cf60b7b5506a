/** Pins the words every face shows around findings, in Thai and English (issue 15). */
import { describe, expect, it } from 'vitest';
import { GENDER_LABEL, SEVERITY_LABEL } from './labels';
import { SEVERITIES } from './types';

describe('labels', () => {
  it.each([
    ['error', 'ข้อผิดพลาด', 'Errors'],
    ['warning', 'คำเตือน', 'Warnings'],
    ['info', 'ข้อแนะนำ', 'Info'],
  ] as const)('severity %s: %s / %s', (severity, th, en) => {
    expect(SEVERITY_LABEL[severity]).toEqual({ th, en });
  });
  it('names every severity and no other', () => {
    expect(Object.keys(SEVERITY_LABEL).sort()).toEqual([...SEVERITIES].sort());
  });
  it.each([
    ['male', 'ชาย', 'Male'],
    ['female', 'หญิง', 'Female'],
    ['unknown', 'ไม่ระบุ', 'Unknown'],
    ['total', 'รวม', 'Total'],
  ] as const)('gender column %s: %s / %s', (key, th, en) => {
    expect(GENDER_LABEL[key]).toEqual({ th, en });
  });
  it('has the exam-takers table’s four columns and no other', () => {
    expect(Object.keys(GENDER_LABEL)).toEqual(['male', 'female', 'unknown', 'total']);
  });
});
