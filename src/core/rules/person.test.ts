import { describeRules } from '../../../test/support/rules';
import { personRules } from './person';

describeRules('prefix, gender, birth date and age rules', personRules, {
  'prefix.missing': {
    fire: [{ row: { prefix: '' } }],
    quiet: [{ row: { prefix: 'ด.ช.' } }],
  },
  'prefix.unknown': {
    fire: [{ row: { prefix: 'ดร.' } }, { row: { prefix: 'คุณ' } }],
    quiet: [
      { row: { prefix: 'เด็กชาย' } },
      { row: { prefix: 'ด. ช.' } },
      { row: { prefix: 'ดช' } },
      { row: { prefix: '' } },
    ],
  },
  'prefix.gender': {
    fire: [{ row: { prefix: 'ด.ญ.', gender: 'ชาย' } }, { row: { prefix: 'นาย', gender: 'F', dob: '01/01/2550' } }],
    quiet: [
      { row: { prefix: 'ด.ช.', gender: 'ช' } },
      { row: { prefix: 'เด็กหญิง', gender: 2 } },
      { row: { prefix: 'ด.ช.', gender: '' } },
    ],
  },
  'prefix.age': {
    fire: [
      { row: { prefix: 'ด.ช.', dob: '01/01/2550', grade: 'ม.3' } },
      { row: { prefix: 'นาย', dob: '15/03/2558' } },
      { row: { prefix: 'น.ส.', gender: 'หญิง', dob: '15/03/2558' } },
    ],
    quiet: [
      { row: { prefix: 'ด.ช.', dob: '15/03/2558' } },
      { row: { prefix: 'นาย', dob: '01/01/2550', grade: 'ม.3' } },
      // Turns 15 the day after the check date: still a child.
      { row: { prefix: 'ด.ช.', dob: '21/03/2555', grade: 'ม.3' } },
      { row: { prefix: 'สามเณร', dob: '15/03/2558' } },
    ],
  },
  'gender.missing': {
    fire: [{ row: { gender: '' } }],
    quiet: [{ row: { gender: 'ชาย' } }],
  },
  'gender.invalid': {
    fire: [{ row: { gender: 'X' } }, { row: { gender: 3 } }],
    quiet: [{ row: { gender: 'Male' } }, { row: { gender: 'ญ' } }, { row: { gender: 1 } }, { row: { gender: '' } }],
  },
  'dob.missing': {
    fire: [{ row: { dob: '' } }, { row: { dob: '-' } }],
    quiet: [{ row: { dob: '15/03/2558' } }],
  },
  'dob.invalid': {
    fire: [
      { row: { dob: '31/02/2558' } },
      { row: { dob: '15/13/2558' } },
      { row: { dob: 'เมื่อวาน' } },
      { row: { dob: '15/03/1558' } },
      { row: { dob: '31/02/2558 00:00:00' } },
    ],
    quiet: [
      { row: { dob: '15 มี.ค. 2558' } },
      { row: { dob: '๑๕/๐๓/๒๕๕๘' } },
      { row: { dob: new Date(2015, 2, 15) } },
      { row: { dob: '29/02/2559' } },
      // A date cell exported to CSV with its time of day (LibreOffice, Google Sheets, scripts).
      { row: { dob: '15/03/2558 00:00:00' } },
      { row: { dob: '2015-03-15T00:00:00' } },
    ],
  },
  'dob.future': {
    fire: [{ row: { dob: '01/01/2571' } }, { row: { dob: '21/03/2027' } }],
    quiet: [{ row: { dob: '20/03/2570' }, settings: {} }, { row: { dob: '15/03/2558' } }],
  },
  'dob.era': {
    fire: [{ row: { dob: '15/03/2015' }, more: [{ dob: '01/04/2558' }, { dob: '02/05/2558' }] }],
    quiet: [
      { row: { dob: '15/03/2558' }, more: [{ dob: '01/04/2558' }] },
      // Real date cells carry no written era.
      { row: { dob: new Date(2015, 2, 15) }, more: [{ dob: '01/04/2558' }] },
    ],
  },
  'age.implausible': {
    fire: [{ row: { dob: '15/03/2000' } }, { row: { dob: '01/01/2569' } }],
    quiet: [{ row: { dob: '15/03/2558' } }, { row: { dob: '01/01/2571' } }],
  },
  'age.mismatch': {
    fire: [{ row: { age: 9 } }, { row: { age: '๑๕' } }],
    quiet: [{ row: { age: 12 } }, { row: { age: 11 } }, { row: { age: '' } }],
  },
  'age.grade': {
    fire: [{ row: { grade: 'ป.1', dob: '15/03/2558' } }, { row: { grade: 'ม.6', dob: '15/03/2558', prefix: 'ด.ช.' } }],
    quiet: [
      { row: { grade: 'ป.6', dob: '15/03/2558' } },
      // Three years over is still within the band (repeaters, late starters).
      { row: { grade: 'ป.3', dob: '15/03/2558' } },
      { row: { grade: 'ป.6', dob: '15/03/2000' } },
    ],
  },
});
