/** Prefix, gender, date of birth and age. */
import { ageOn, compareYmd, excelSerialBirthDate, formatBE } from '../dates';
import { arabicDigits } from '../text';
import { ageOnCheckDate, defineRule, defineRules, q } from './rule';

const GENDER_TH = { M: 'ชาย', F: 'หญิง' };
const GENDER_EN = { M: 'male', F: 'female' };

export const personRules = defineRules(
  defineRule({
    id: 'prefix.missing',
    severity: 'error',
    field: 'prefix',
    needs: ['prefix'],
    about: { th: 'ทุกแถวต้องมีคำนำหน้าชื่อ', en: 'Every row needs a prefix' },
    say: () => ({
      th: 'ไม่มีคำนำหน้าชื่อ — ใส่ ด.ช. ด.ญ. นาย หรือ น.ส. ตามเพศและอายุ',
      en: 'Prefix is empty — enter ด.ช., ด.ญ., นาย or น.ส. by gender and age',
    }),
    reads: ['prefix'],
    check: ({ prefix }) => prefix.blank,
  }),
  defineRule({
    id: 'prefix.unknown',
    severity: 'warning',
    field: 'prefix',
    needs: ['prefix'],
    about: {
      th: 'คำนำหน้าที่ DMC รู้จัก: เด็กชาย เด็กหญิง นาย นางสาว นาง สามเณร',
      en: 'Prefixes DMC knows: เด็กชาย, เด็กหญิง, นาย, นางสาว, นาง, สามเณร',
    },
    say: (h) => ({
      th: `ไม่รู้จักคำนำหน้า ${q(h.value)} — ใช้ เด็กชาย เด็กหญิง นาย นางสาว นาง หรือ สามเณร`,
      en: `Unknown prefix ${q(h.value)} — use เด็กชาย, เด็กหญิง, นาย, นางสาว, นาง or สามเณร`,
    }),
    reads: ['prefix'],
    check: ({ prefix }) => !prefix.blank && !prefix.v && { value: prefix.text },
  }),
  defineRule({
    id: 'prefix.gender',
    severity: 'error',
    field: 'prefix',
    needs: ['prefix', 'gender'],
    about: { th: 'คำนำหน้าชื่อต้องตรงกับเพศ', en: 'The prefix must agree with the gender' },
    say: (h) => ({
      th: `คำนำหน้า ${q(h.value)} เป็นของเพศ${GENDER_TH[h.implied as 'M']} แต่ช่องเพศเป็น${GENDER_TH[h.gender as 'M']} — แก้ช่องใดช่องหนึ่งให้ถูก`,
      en: `Prefix ${q(h.value)} is ${GENDER_EN[h.implied as 'M']} but gender says ${GENDER_EN[h.gender as 'M']} — correct one of them`,
    }),
    reads: ['prefix', 'gender'],
    check: ({ prefix, gender }) =>
      !!prefix.v?.gender &&
      !!gender.v &&
      prefix.v.gender !== gender.v && { value: prefix.text, implied: prefix.v.gender, gender: gender.v },
  }),
  defineRule({
    id: 'prefix.age',
    severity: 'warning',
    field: 'prefix',
    needs: ['prefix', 'dob'],
    about: {
      th: 'อายุต่ำกว่า 15 ปีใช้ เด็กชาย/เด็กหญิง ตั้งแต่ 15 ปีใช้ นาย/นางสาว (พ.ร.บ.คำนำหน้านาม พ.ศ. 2505)',
      en: 'Under 15 takes เด็กชาย/เด็กหญิง, 15 and over นาย/นางสาว (Prefix Act 1962)',
    },
    say: (h) => ({
      th: `อายุ ${h.age} ปี แต่ใช้คำนำหน้า ${q(h.value)} — ${h.band === 'child' ? 'อายุ 15 ปีขึ้นไปใช้ นาย/นางสาว' : 'อายุต่ำกว่า 15 ปีใช้ เด็กชาย/เด็กหญิง'}`,
      en: `Age ${h.age} with prefix ${q(h.value)} — ${h.band === 'child' ? '15 and over take นาย/นางสาว' : 'under 15 take เด็กชาย/เด็กหญิง'}`,
    }),
    reads: ['prefix', 'dob'],
    check: ({ prefix, dob }, ctx) => {
      const a = ageOnCheckDate(dob.v, ctx);
      const band = prefix.v?.band;
      if (a === null || !band) return false;
      const wrong = (band === 'child' && a >= 15) || (band === 'adult' && a < 15);
      return wrong && { value: prefix.text, age: a, band };
    },
  }),
  defineRule({
    id: 'gender.missing',
    severity: 'error',
    field: 'gender',
    needs: ['gender'],
    about: { th: 'ทุกแถวต้องระบุเพศ', en: 'Every row needs a gender' },
    say: () => ({ th: 'ไม่มีเพศ — ใส่ ชาย หรือ หญิง', en: 'Gender is empty — enter male or female' }),
    reads: ['gender'],
    check: ({ gender }) => gender.blank,
  }),
  defineRule({
    id: 'gender.invalid',
    severity: 'error',
    field: 'gender',
    needs: ['gender'],
    about: { th: 'เพศต้องเป็น ชาย/ช หรือ หญิง/ญ', en: 'Gender is ชาย/ช/M or หญิง/ญ/F' },
    say: (h) => ({
      th: `ไม่รู้จักเพศ ${q(h.value)} — ใช้ ชาย หรือ หญิง`,
      en: `Unknown gender ${q(h.value)} — use male or female`,
    }),
    reads: ['gender'],
    check: ({ gender }) => !gender.blank && !gender.v && { value: gender.text },
  }),
  defineRule({
    id: 'dob.missing',
    severity: 'error',
    field: 'dob',
    needs: ['dob'],
    about: { th: 'ทุกแถวต้องมีวันเดือนปีเกิด', en: 'Every row needs a date of birth' },
    say: () => ({
      th: 'ไม่มีวันเดือนปีเกิด — กรอกแบบ วว/ดด/ปปปป พ.ศ. เช่น 15/03/2555',
      en: 'Date of birth is empty — enter dd/mm/yyyy (BE), e.g. 15/03/2555',
    }),
    reads: ['dob'],
    check: ({ dob }) => dob.blank,
  }),
  defineRule({
    id: 'dob.invalid',
    severity: 'error',
    field: 'dob',
    needs: ['dob'],
    about: {
      th: 'วันเกิดอ่านไม่ได้หรือเป็นวันที่ไม่มีจริง',
      en: 'The date of birth cannot be read or does not exist',
    },
    say: (h) =>
      h.serial
        ? {
            th: `วันเกิด ${q(h.value)} เป็นเลขวันที่ของ Excel (คือ ${h.serial}) — จัดรูปแบบเซลล์เป็นวันที่ หรือพิมพ์ วว/ดด/ปปปป พ.ศ.`,
            en: `Date of birth ${q(h.value)} is an Excel date number (${h.serial}) — format the cell as a date, or type dd/mm/yyyy (BE)`,
          }
        : {
            th: `วันเกิด ${q(h.value)} อ่านไม่ได้หรือไม่มีวันนี้จริง — ใช้รูปแบบ วว/ดด/ปปปป พ.ศ. เช่น 15/03/2555`,
            en: `Date of birth ${q(h.value)} cannot be read or does not exist — use dd/mm/yyyy (BE), e.g. 15/03/2555`,
          },
    reads: ['dob'],
    check: ({ dob }) => {
      if (dob.v?.ok !== false) return false;
      const serial = excelSerialBirthDate(dob.text);
      return serial ? { value: dob.text, serial: formatBE(serial) } : { value: dob.text };
    },
  }),
  defineRule({
    id: 'dob.future',
    severity: 'error',
    field: 'dob',
    needs: ['dob'],
    about: { th: 'วันเกิดอยู่หลังวันที่ตรวจ', en: 'The date of birth is after the check date' },
    say: (h) => ({
      th: `วันเกิด ${h.date} อยู่หลังวันที่ตรวจ — ตรวจปี พ.ศ./ค.ศ.`,
      en: `Date of birth ${h.date} is after the check date — check the year (BE/CE)`,
    }),
    reads: ['dob'],
    check: ({ dob }, ctx) => {
      const d = dob.v?.ok ? dob.v.date : null;
      return !!d && compareYmd(d, ctx.dates.asOf) > 0 && { date: formatBE(d) };
    },
  }),
  defineRule({
    id: 'dob.era',
    severity: 'warning',
    field: 'dob',
    needs: ['dob'],
    about: {
      th: 'วันเกิดในคอลัมน์ใช้ปีต่างระบบกัน (พ.ศ. ปน ค.ศ.)',
      en: 'Birth dates in the column mix Buddhist and Common Era years',
    },
    say: (h) => ({
      th: `วันเกิด ${q(h.value)} ใช้ปี ${h.era === 'CE' ? 'ค.ศ.' : 'พ.ศ.'} ขณะที่แถวอื่นส่วนใหญ่ใช้ ${h.era === 'CE' ? 'พ.ศ.' : 'ค.ศ.'} — ใช้ พ.ศ. ให้เหมือนกันทั้งคอลัมน์`,
      en: `Date of birth ${q(h.value)} uses a ${h.era} year while most rows use ${h.era === 'CE' ? 'BE' : 'CE'} — use BE throughout`,
    }),
    table: function* (roster) {
      let be = 0;
      let ce = 0;
      for (let i = 0; i < roster.size; i++) {
        const d = roster.get('dob', i).v;
        if (d?.ok && d.era === 'BE') be++;
        else if (d?.ok && d.era === 'CE') ce++;
      }
      if (be === ce) return;
      const minority = be > ce ? 'CE' : 'BE';
      for (let i = 0; i < roster.size; i++) {
        const dob = roster.get('dob', i);
        if (dob.v?.ok && dob.v.era === minority) yield [i, { value: dob.text, era: minority }];
      }
    },
  }),
  defineRule({
    id: 'age.implausible',
    severity: 'error',
    field: 'dob',
    needs: ['dob'],
    about: { th: 'อายุนักเรียนควรอยู่ระหว่าง 2 ถึง 25 ปี', en: 'A student is between 2 and 25 years old' },
    say: (h) => ({
      th: `อายุ ${h.age} ปี ณ วันที่ตรวจ ไม่น่าเป็นไปได้ — ตรวจปีเกิด (พ.ศ. หรือ ค.ศ.)`,
      en: `Age ${h.age} on the check date is implausible — check the birth year (BE or CE)`,
    }),
    reads: ['dob'],
    check: ({ dob }, ctx) => {
      const a = ageOnCheckDate(dob.v, ctx);
      return a !== null && (a < 2 || a > 25) && { age: a };
    },
  }),
  defineRule({
    id: 'age.mismatch',
    severity: 'warning',
    field: 'age',
    needs: ['age', 'dob'],
    about: { th: 'คอลัมน์อายุไม่ตรงกับวันเกิด', en: 'The age column disagrees with the date of birth' },
    say: (h) => ({
      th: `อายุที่กรอก ${q(h.value)} ปี แต่คำนวณจากวันเกิดได้ ${h.age} ปี — ตรวจวันเกิดหรืออายุ`,
      en: `Age says ${q(h.value)} but the date of birth gives ${h.age} — check one of them`,
    }),
    reads: ['age', 'dob'],
    check: ({ age, dob }, ctx) => {
      const a = ageOnCheckDate(dob.v, ctx);
      const written = Number.parseFloat(arabicDigits(age.text));
      return a !== null && Number.isFinite(written) && Math.abs(written - a) > 1 && { value: age.text, age: a };
    },
  }),
  defineRule({
    id: 'age.grade',
    severity: 'warning',
    field: 'dob',
    needs: ['dob', 'grade'],
    about: {
      th: 'อายุ ณ 16 พฤษภาคม ของปีการศึกษาไม่เข้ากับชั้น (ต่ำกว่าเกณฑ์เกิน 1 ปี หรือสูงกว่าเกิน 3 ปี)',
      en: 'Age on 16 May of the academic year does not fit the grade (over 1 year below or 3 above)',
    },
    say: (h) => ({
      th: `อายุ ${h.age} ปี (ณ 16 พ.ค.) แต่เรียนชั้น ${h.grade} ซึ่งควรอายุราว ${h.expected} ปี — ตรวจวันเกิดหรือชั้น`,
      en: `Age ${h.age} (on 16 May) in ${h.grade}, where about ${h.expected} is expected — check the birth date or grade`,
    }),
    reads: ['dob', 'grade'],
    check: ({ dob, grade }, ctx) => {
      const d = dob.v?.ok ? dob.v.date : null;
      const g = grade.v;
      const now = ageOnCheckDate(dob.v, ctx);
      // An impossible age is age.implausible's finding; one per cause.
      if (!d || !g || now === null || now < 2 || now > 25) return false;
      const a = ageOn(d, ctx.dates.yearStart);
      return (a < g.expectedAge - 1 || a > g.expectedAge + 3) && { age: a, grade: g.label, expected: g.expectedAge };
    },
  }),
);
