import { describe, expect, it } from 'vitest';
import { describeRules } from '../../../test/support/rules';
import { measure } from '../analysis';
import { schoolRules } from './school';

describe('measure', () => {
  it('reads Thai digits, units and decimal commas; blank, 0 and dash are not recorded', () => {
    expect(measure('๔๕.๕')).toBe(45.5);
    expect(measure('45 กก.')).toBe(45);
    expect(measure('140 ซม')).toBe(140);
    expect(measure('45,5')).toBe(45.5);
    expect(measure('-')).toBe(0);
    expect(measure('')).toBe(0);
    expect(Number.isNaN(measure('สี่สิบ'))).toBe(true);
  });
});

describeRules('grade, room and body rules', schoolRules, {
  'grade.missing': {
    fire: [{ row: { grade: '' } }],
    quiet: [{ row: { grade: 'ป.6' } }],
  },
  'grade.invalid': {
    fire: [
      { row: { grade: 'ป.7' } },
      { row: { grade: 'ม.0' } },
      { row: { grade: 'ปวช.4' } },
      { row: { grade: 'ปวส.1' } },
    ],
    quiet: [
      { row: { grade: 'ปวช.1', dob: '15/03/2553', prefix: 'นาย' } },
      { row: { grade: 'ปวช. 2', dob: '15/03/2552', prefix: 'นาย' } },
      { row: { grade: 'ประกาศนียบัตรวิชาชีพปีที่ 3', dob: '15/03/2551', prefix: 'นาย' } },
      { row: { grade: 'Voc 1', dob: '15/03/2553', prefix: 'นาย' } },
      { row: { grade: 'ประถมศึกษาปีที่ 6' } },
      { row: { grade: 'P6' } },
      { row: { grade: 'ป.6/2' } },
      { row: { grade: 'ป ๖' } },
      { row: { grade: 'Grade 6' } },
      { row: { grade: 'ม.1', dob: '15/03/2557' } },
    ],
  },
  'grade.top-empty': {
    fire: [
      { row: { grade: 'ป.4', dob: '15/03/2560' }, more: [{ grade: 'ป.5', dob: '15/03/2559' }] },
      { row: { grade: 'ม.2', dob: '15/03/2556' }, more: [{ grade: 'ม.1', dob: '15/03/2557' }] },
      {
        row: { grade: 'ม.5', dob: '15/03/2553', prefix: 'นาย' },
        more: [{ grade: 'ม.4', dob: '15/03/2554', prefix: 'นาย' }],
      },
    ],
    quiet: [
      { row: { grade: 'ป.5', dob: '15/03/2559' } },
      { row: { grade: 'ป.5', dob: '15/03/2559' }, more: [{ grade: 'ป.5', dob: '15/03/2559' }] },
      { more: [{ grade: 'ป.4', dob: '15/03/2560' }] },
      { row: { grade: 'ม.3', dob: '15/03/2555' }, more: [{ grade: 'ม.2', dob: '15/03/2556' }] },
      {
        row: { grade: 'ม.2', dob: '15/03/2556' },
        more: [
          { grade: 'ม.1', dob: '15/03/2557' },
          { grade: 'ม.3', dob: '15/03/2555', status: 'ย้ายออก', exam: 'ไม่สอบ' },
          { grade: 'ม.3', dob: '15/03/2555' },
        ],
      },
    ],
  },
  'room.invalid': {
    fire: [{ row: { room: 'ก' } }, { row: { room: 0 } }, { row: { room: 100 } }, { row: { room: 1.5 } }],
    quiet: [{ row: { room: 1 } }, { row: { room: '๒' } }, { row: { room: '' } }],
  },
  'weight.missing': {
    fire: [{ row: { weight: '' } }, { row: { weight: 0 } }, { row: { weight: '-' } }, { row: { weight: 'หนัก' } }],
    quiet: [{ row: { weight: 35 } }, { row: { weight: '', status: 'ย้ายออก', exam: 'ไม่สอบ' } }],
  },
  'height.missing': {
    fire: [{ row: { height: '' } }, { row: { height: '0' } }, { row: { height: '-' } }],
    quiet: [{ row: { height: 140 } }, { row: { height: '', status: 'จำหน่าย', exam: 'ไม่สอบ' } }],
  },
  'weight.range': {
    fire: [{ row: { weight: 5 } }, { row: { weight: 400 } }, { row: { weight: 110 } }],
    quiet: [{ row: { weight: 35 } }, { row: { weight: 2500 } }, { row: { weight: 60 } }],
  },
  'height.range': {
    fire: [{ row: { height: 40 } }, { row: { height: 250 } }, { row: { height: 195 } }],
    quiet: [{ row: { height: 140 } }, { row: { height: 1.4 } }, { row: { height: 160 } }],
  },
  'weight.unit': {
    fire: [{ row: { weight: 35000 } }],
    quiet: [{ row: { weight: 35 } }, { row: { weight: 150 } }],
  },
  'height.unit': {
    fire: [{ row: { height: 1.4 } }, { row: { height: '1,40' } }],
    quiet: [{ row: { height: 140 } }, { row: { height: 0 } }],
  },
  'body.swapped': {
    fire: [{ row: { weight: 140, height: 35 } }],
    quiet: [{ row: { weight: 35, height: 140 } }, { row: { weight: 300, height: 35 } }],
  },
});
