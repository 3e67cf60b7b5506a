// The peer `npm run bench` times dmc-check against: tableschema-js (Frictionless) checking about ten
// simple constraints on the same roster CSV. Usage: node bench/peer.mjs FILE.csv — prints the error count.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Table } = require('tableschema');

const text = (name, constraints = {}) => ({ name, type: 'string', constraints });
const number = (name, minimum, maximum) => ({ name, type: 'number', constraints: { minimum, maximum } });
const GRADES = ['อ.', 'ป.', 'ม.']
  .flatMap((l, i) => Array.from({ length: i === 0 ? 3 : 6 }, (_, n) => `${l}${n + 1}`))
  .concat(['ปวช.1', 'ปวช.2', 'ปวช.3']);

// The columns of test/support/synthetic.ts, in order (tableschema casts a row only when every column has a field).
const schema = {
  fields: [
    { name: 'ลำดับ', type: 'integer' },
    text('เลขประจำตัวประชาชน', { required: true, unique: true, pattern: '^\\d{13}$' }),
    text('เลขประจำตัวนักเรียน', { unique: true }),
    text('คำนำหน้าชื่อ', { enum: ['ด.ช.', 'ด.ญ.', 'นาย', 'น.ส.'] }),
    text('ชื่อ', { required: true }),
    text('นามสกุล', { required: true }),
    text('เพศ', { enum: ['ชาย', 'หญิง'] }),
    text('วันเดือนปีเกิด', { required: true }),
    text('ชั้น', { enum: GRADES }),
    { name: 'ห้อง', type: 'integer' },
    number('น้ำหนัก (กก.)', 5, 150),
    number('ส่วนสูง (ซม.)', 60, 220),
    text('สถานะ', { enum: ['ปกติ', 'ย้ายเข้า'] }),
    text('สอบปลายภาค'),
  ],
};

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/peer.mjs FILE.csv\n');
  process.exit(2);
}
// Line 1 is the roster's title, line 2 its header.
const table = await Table.load(file, { schema, headers: 1, from_line: 2, bom: true });
const rows = await table.iter({ forceCast: true });
let errors = 0;
let checked = 0;
for await (const row of rows) {
  checked++;
  if (row instanceof Error) errors += row.errors?.length || 1;
}
process.stdout.write(`${JSON.stringify({ rows: checked, errors })}\n`);
