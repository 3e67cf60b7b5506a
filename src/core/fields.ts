/**
 * The roster fields: each key with its label and the header texts that name it (RULES.md, "Fields and
 * header synonyms"). The one place a field is listed; everything else derives from it.
 */
import type { Msg } from './types';

/** A field as reports name it, and the headers that name it in a sheet (matched after normalisation). */
interface FieldSpec {
  label: Msg;
  headers: readonly string[];
}

export const FIELDS = {
  cid: {
    label: { th: 'เลขประจำตัวประชาชน', en: 'citizen ID' },
    headers: [
      'เลขประจำตัวประชาชน',
      'เลขบัตรประชาชน',
      'เลขประจำตัวประชาชน 13 หลัก',
      'เลขบัตรประจำตัวประชาชน',
      'รหัสประจำตัวประชาชน',
      'หมายเลขบัตรประชาชน',
      'หมายเลขประจำตัวประชาชน',
      'เลขประชาชน',
      'citizen id',
      'national id',
      'id card',
      'citizen id no',
    ],
  },
  sid: {
    label: { th: 'เลขประจำตัวนักเรียน', en: 'student ID' },
    headers: ['เลขประจำตัวนักเรียน', 'รหัสนักเรียน', 'เลขประจำตัว', 'student id', 'student no', 'student number'],
  },
  prefix: {
    label: { th: 'คำนำหน้าชื่อ', en: 'prefix' },
    headers: ['คำนำหน้า', 'คำนำหน้าชื่อ', 'คำนำหน้านาม', 'prefix', 'title'],
  },
  firstName: {
    label: { th: 'ชื่อ', en: 'first name' },
    headers: ['ชื่อ', 'first name', 'given name', 'firstname'],
  },
  lastName: {
    label: { th: 'นามสกุล', en: 'last name' },
    headers: ['นามสกุล', 'สกุล', 'last name', 'surname', 'family name', 'lastname'],
  },
  fullName: {
    label: { th: 'ชื่อ-นามสกุล', en: 'full name' },
    headers: ['ชื่อ-นามสกุล', 'ชื่อ - สกุล', 'ชื่อ-สกุล', 'ชื่อ นามสกุล', 'full name', 'name'],
  },
  gender: {
    label: { th: 'เพศ', en: 'gender' },
    headers: ['เพศ', 'gender', 'sex'],
  },
  dob: {
    label: { th: 'วันเดือนปีเกิด', en: 'date of birth' },
    headers: [
      'วันเกิด',
      'วันเดือนปีเกิด',
      'วัน/เดือน/ปีเกิด',
      'วันเดือนปี เกิด',
      // The abbreviation forms use: ว/ด/ป, ว.ด.ป., วดป.
      'ว/ด/ป เกิด',
      'ว.ด.ป. เกิด',
      'date of birth',
      'dob',
      'birth date',
      'birthdate',
    ],
  },
  grade: {
    label: { th: 'ชั้น', en: 'grade' },
    headers: ['ชั้น', 'ระดับชั้น', 'ชั้นเรียน', 'ชั้น/ห้อง', 'grade', 'class', 'level'],
  },
  room: {
    label: { th: 'ห้อง', en: 'room' },
    headers: ['ห้อง', 'ห้องเรียน', 'room'],
  },
  weight: {
    label: { th: 'น้ำหนัก', en: 'weight' },
    headers: ['น้ำหนัก', 'น้ำหนักตัว', 'นน.', 'weight'],
  },
  height: {
    label: { th: 'ส่วนสูง', en: 'height' },
    headers: ['ส่วนสูง', 'ความสูง', 'height'],
  },
  status: {
    label: { th: 'สถานะ', en: 'status' },
    headers: ['สถานะ', 'สถานะนักเรียน', 'สถานะการศึกษา', 'สถานภาพ', 'สถานภาพนักเรียน', 'status'],
  },
  exam: {
    label: { th: 'สอบปลายภาค', en: 'final exam' },
    headers: ['สอบปลายภาค', 'เข้าสอบปลายภาค', 'สอบปลายปี', 'การสอบปลายภาค', 'final exam', 'took final exam', 'exam'],
  },
  entryDate: {
    label: { th: 'วันที่เข้าเรียน', en: 'entry date' },
    headers: ['วันที่เข้าเรียน', 'วันเข้าเรียน', 'วันที่ย้ายเข้า', 'entry date', 'date joined'],
  },
  leaveDate: {
    label: { th: 'วันที่ย้ายออก', en: 'leave date' },
    headers: ['วันที่ย้ายออก', 'วันที่จำหน่าย', 'leave date'],
  },
  fatherCid: {
    label: { th: 'เลขประจำตัวประชาชนบิดา', en: "father's citizen ID" },
    headers: ['เลขประจำตัวประชาชนบิดา', 'เลขบัตรประชาชนบิดา', 'father citizen id', 'father id'],
  },
  motherCid: {
    label: { th: 'เลขประจำตัวประชาชนมารดา', en: "mother's citizen ID" },
    headers: ['เลขประจำตัวประชาชนมารดา', 'เลขบัตรประชาชนมารดา', 'mother citizen id', 'mother id'],
  },
  guardianCid: {
    label: { th: 'เลขประจำตัวประชาชนผู้ปกครอง', en: "guardian's citizen ID" },
    headers: ['เลขประจำตัวประชาชนผู้ปกครอง', 'เลขบัตรประชาชนผู้ปกครอง', 'guardian citizen id', 'guardian id'],
  },
  age: {
    label: { th: 'อายุ', en: 'age' },
    headers: ['อายุ', 'อายุ(ปี)', 'age'],
  },
  nationality: {
    label: { th: 'สัญชาติ', en: 'nationality' },
    headers: ['สัญชาติ', 'nationality'],
  },
  schoolCode: {
    label: { th: 'รหัสโรงเรียน', en: 'school code' },
    headers: ['รหัสโรงเรียน', 'school code'],
  },
} as const satisfies Record<string, FieldSpec>;

export type FieldKey = keyof typeof FIELDS;
export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

export const FIELD_LABEL: Record<FieldKey, Msg> = Object.fromEntries(
  FIELD_KEYS.map((k) => [k, FIELDS[k].label]),
) as Record<FieldKey, Msg>;
