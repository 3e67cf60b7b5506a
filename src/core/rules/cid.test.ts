import { cidOf, describeRules, wrongCheckDigit } from '../../../test/support/rules';
import { withCheckDigit } from '../thai-id';
import { cidRules } from './cid';

const valid = cidOf(1);
const badCheck = wrongCheckDigit(valid);
/** A valid ID of person type 0 whose leading zero a number cell would eat. */
const zeroLed = withCheckDigit('010110000001');

describeRules(
  'citizen ID rules',
  cidRules,
  {
    'cid.missing': {
      fire: [{ row: { cid: '' } }, { row: { cid: '-' } }, { row: { cid: '', status: 'ย้ายเข้า' } }],
      quiet: [{ row: { cid: valid } }, { row: { cid: '', status: 'ย้ายออก' } }],
    },
    'cid.format': {
      fire: [{ row: { cid: '110170023073' } }, { row: { cid: '11017002070d3' } }, { row: { cid: '1234567890' } }],
      quiet: [
        { row: { cid: valid } },
        { row: { cid: '1-2345-45678-78-1' } },
        { row: { cid: '' } },
        { row: { cid: 'G650000012345' } },
      ],
    },
    'cid.leading-zero-lost': {
      fire: [{ row: { cid: Number(zeroLed) } }, { row: { cid: zeroLed.slice(1) } }],
      quiet: [{ row: { cid: zeroLed } }, { row: { cid: '110170023073' } }],
    },
    'cid.checksum': {
      fire: [{ row: { cid: badCheck } }, { row: { cid: '1101700230705' } }, { row: { cid: Number(badCheck) } }],
      quiet: [{ row: { cid: valid } }, { row: { cid: '๑๑๐๓๗' + valid.slice(5) } }, { row: { cid: '9101123450008' } }],
    },
    'cid.category': {
      fire: [{ row: { cid: '9101123450008' } }, { row: { cid: '9150480716041' } }],
      quiet: [{ row: { cid: valid } }, { row: { cid: '0101123450004' } }],
    },
    'cid.province': {
      fire: [{ row: { cid: withCheckDigit('199000000001') } }, { row: { cid: withCheckDigit('300000000001') } }],
      quiet: [{ row: { cid: valid } }, { row: { cid: withCheckDigit('057000000001') } }],
    },
    'cid.stored-as-number': {
      fire: [{ row: { cid: Number(valid) } }],
      quiet: [{ row: { cid: valid } }],
    },
    'cid.duplicate': {
      fire: [{ row: { cid: valid }, more: [{ cid: valid }] }],
      quiet: [
        { row: { cid: valid }, more: [{ cid: cidOf(2) }] },
        { row: { cid: badCheck }, more: [{ cid: badCheck }] },
      ],
    },
    'cid.nationality': {
      fire: [{ row: { cid: withCheckDigit('610000000001'), nationality: 'ไทย' } }],
      quiet: [
        { row: { cid: withCheckDigit('610000000001'), nationality: 'พม่า' } },
        { row: { cid: valid, nationality: 'ไทย' } },
      ],
    },
    'gcode.format': {
      fire: [{ row: { cid: 'G12345' } }, { row: { cid: 'g65000001234x' } }],
      quiet: [{ row: { cid: 'G650000012345' } }, { row: { cid: valid } }],
    },
    'gcode.present': {
      fire: [{ row: { cid: 'G650000012345' } }, { row: { cid: 'G-6500-00012-34-5' } }],
      quiet: [{ row: { cid: valid } }, { row: { cid: 'G12345' } }],
    },
    'parent-cid.invalid': {
      fire: [
        { row: { fatherCid: badCheck } },
        { row: { motherCid: '12345' }, cell: 'O2' },
        { row: { guardianCid: '9101123450008' }, cell: 'O2' },
      ],
      quiet: [
        { row: { fatherCid: cidOf(7) } },
        { row: { motherCid: '' } },
        { row: { guardianCid: '-' } },
        { row: { fatherCid: 'ไม่ทราบ' } },
      ],
    },
  },
  // Fired only across files: tested through validateSources in test/validate.test.ts.
  ['cid.duplicate-across-files'],
);
