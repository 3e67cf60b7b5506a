import { cidOf, describeRules } from '../../../test/support/rules';
import { nameRules } from './names';

describeRules('student ID and name rules', nameRules, {
  'sid.missing': {
    fire: [{ row: { sid: '' } }],
    quiet: [{ row: { sid: '12345' } }, { row: { sid: '', status: 'จำหน่าย' } }],
  },
  'sid.duplicate': {
    fire: [
      { row: { sid: '12345' }, more: [{ sid: '12345' }] },
      { row: { sid: '0123' }, more: [{ sid: 123 }] },
    ],
    quiet: [
      { row: { sid: '12345' }, more: [{ sid: '12346' }] },
      { row: { sid: '' }, more: [{ sid: '' }] },
    ],
  },
  'name.first.missing': {
    fire: [{ row: { firstName: '' } }, { row: { firstName: '   ' } }],
    quiet: [{ row: { firstName: 'สมชาย' } }],
  },
  'name.last.missing': {
    fire: [{ row: { lastName: '' } }],
    quiet: [{ row: { lastName: 'ใจดี' } }],
  },
  'name.invalid-chars': {
    fire: [
      { row: { firstName: 'สมชาย2' } },
      { row: { lastName: 'ใจดี!' }, cell: 'E2' },
      { row: { firstName: 'สม๑' } },
      { row: { firstName: 'สม@ชาย' } },
    ],
    quiet: [
      { row: { firstName: 'สมชาย' } },
      { row: { lastName: "O'Brien-Smith" } },
      { row: { lastName: 'ณ อยุธยา' } },
      { row: { firstName: 'Jean-Luc' } },
    ],
  },
  'name.whitespace': {
    fire: [
      { row: { firstName: ' สมชาย' } },
      { row: { firstName: 'สมชาย ' } },
      { row: { lastName: 'ณ  อยุธยา' }, cell: 'E2' },
      { row: { firstName: 'สม\u200bชาย' } },
      { row: { prefix: 'ด.ช. ' }, cell: 'C2' },
      { columns: ['cid', 'fullName', 'gender', 'dob', 'grade'], row: { fullName: 'ด.ช.  สมชาย ใจดี' }, cell: 'B2' },
    ],
    quiet: [
      { row: { firstName: 'สมชาย', lastName: 'ณ อยุธยา' } },
      { columns: ['cid', 'fullName', 'gender', 'dob', 'grade'], row: { fullName: 'ด.ช. สมชาย ใจดี' } },
    ],
  },
  'name.thai-typo': {
    fire: [
      { row: { firstName: 'เเพรวา' } },
      { row: { lastName: 'ใจดีี' }, cell: 'E2' },
      { row: { firstName: 'สมชาย่่' } },
      { row: { firstName: '่สมชาย' } },
    ],
    quiet: [{ row: { firstName: 'แพรวา' } }, { row: { firstName: 'กี่' } }, { row: { firstName: 'น้ำฝน' } }],
  },
  'name.mixed-script': {
    fire: [{ row: { firstName: 'สมชายa' } }, { row: { lastName: 'Jaiดี' }, cell: 'E2' }],
    quiet: [{ row: { firstName: 'สมชาย' } }, { row: { firstName: 'John', lastName: 'Smith' } }],
  },
  'name.prefix-in-name': {
    fire: [
      { row: { firstName: 'ด.ช.สมชาย' } },
      { row: { firstName: 'เด็กหญิงสมศรี' } },
      { row: { firstName: 'นาย สมชาย' } },
      { columns: ['cid', 'fullName', 'gender', 'dob', 'grade'], row: { fullName: 'ด.ช. ด.ช.สมชาย ใจดี' }, cell: 'B2' },
    ],
    quiet: [
      { row: { firstName: 'สมชาย' } },
      { row: { firstName: 'นางนวล' } },
      { row: { firstName: 'นายิกา' } },
      { columns: ['cid', 'fullName', 'gender', 'dob', 'grade'], row: { fullName: 'ด.ช. สมชาย ใจดี' } },
    ],
  },
  'name.near-duplicate': {
    fire: [{ row: { firstName: 'สมชาย', lastName: 'ใจดี' }, more: [{ firstName: 'สมชาย ', lastName: 'ใจดี' }] }],
    quiet: [
      { row: { firstName: 'สมชาย', lastName: 'ใจดี' }, more: [{ firstName: 'สมชาย', lastName: 'มีสุข' }] },
      {
        row: { firstName: 'สมชาย', lastName: 'ใจดี' },
        more: [{ firstName: 'สมชาย', lastName: 'ใจดี', dob: '16/03/2558' }],
      },
      // Same ID too: that is cid.duplicate's finding, not this one.
      {
        row: { firstName: 'สมชาย', lastName: 'ใจดี', cid: cidOf(5) },
        more: [{ firstName: 'สมชาย', lastName: 'ใจดี', cid: cidOf(5) }],
      },
    ],
  },
});
