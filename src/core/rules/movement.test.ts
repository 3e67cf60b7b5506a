import { describeRules } from '../../../test/support/rules';
import { movementRules } from './movement';

describeRules('movement and exam rules', movementRules, {
  'move.in-without-exam': {
    fire: [{ row: { status: 'ย้ายเข้า', exam: 'ไม่สอบ' } }, { row: { status: 'นักเรียนเพิ่ม', exam: 'ขาดสอบ' } }],
    quiet: [{ row: { status: 'ย้ายเข้า', exam: 'สอบ' } }, { row: { status: 'ปกติ', exam: 'ไม่สอบ' } }],
  },
  'move.out-after-exam': {
    fire: [
      { row: { status: 'ย้ายออก', exam: 'สอบ' } },
      { row: { status: 'จำหน่าย', exam: '✓' } },
      { row: { status: 'ออกกลางคัน', exam: 'TRUE' } },
    ],
    quiet: [{ row: { status: 'ย้ายออก', exam: 'ไม่สอบ' } }, { row: { status: 'ปกติ', exam: 'สอบ' } }],
  },
  'move.new-next-year': {
    fire: [{ row: { entryDate: '01/04/2570' } }, { row: { entryDate: new Date(2027, 4, 16) } }],
    quiet: [
      { row: { entryDate: '31/03/2570' } },
      { row: { entryDate: '16/05/2564' } },
      { row: { entryDate: '01/04/2570' }, settings: { examEnd: '2027-04-05' } },
    ],
  },
  'move.dropout': {
    fire: [{ row: { status: 'ออกกลางคัน', exam: 'ไม่สอบ' } }],
    quiet: [{ row: { status: 'ปกติ' } }, { row: { status: 'ย้ายออก', exam: 'ไม่สอบ' } }],
  },
  'move.graduated': {
    fire: [{ row: { status: 'จบการศึกษา' } }, { row: { status: 'จบ' } }],
    quiet: [{ row: { status: 'ปกติ' } }],
  },
  'exam.missing': {
    fire: [{ row: { exam: '' } }, { row: { exam: 'อาจจะ' } }, { row: { exam: '', status: 'ย้ายเข้า' } }],
    quiet: [{ row: { exam: 'สอบ' } }, { row: { exam: '', status: 'ย้ายออก' } }],
  },
  'exam.not-taken': {
    fire: [{ row: { exam: 'ไม่เข้าสอบ' } }, { row: { exam: 'N' } }],
    quiet: [
      { row: { exam: 'เข้าสอบ' } },
      { row: { exam: 'ไม่สอบ', status: 'ย้ายออก' } },
      { row: { exam: 'ไม่สอบ', status: 'ย้ายเข้า' } },
    ],
  },
  'date.invalid': {
    fire: [{ row: { entryDate: '32/01/2564' } }, { row: { leaveDate: 'ไม่ทราบ' }, cell: 'O2' }],
    quiet: [
      { row: { entryDate: '16/05/2564' } },
      { row: { leaveDate: '' } },
      { row: { entryDate: new Date(2021, 4, 16) } },
    ],
  },
});
