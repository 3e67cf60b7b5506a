/**
 * The email to OBEC with the correction form attached, as a MIME message (mimetext). The platform's
 * base64 comes in through `env`, so the same code runs in Apps Script, Node and the browser. The body
 * names the school, the number of students, the officer and phone; citizen IDs travel only inside the
 * attachment.
 */
import { MIMEMessage } from 'mimetext/browser';
import type { Settings } from './settings';
import { bytesToBase64 } from './xlsx';

export interface MailEnv {
  /** UTF-8 text → base64. */
  toBase64(text: string): string;
  /** UTF-8 text → base64url, as the Gmail API wants a raw message. */
  toBase64WebSafe(text: string): string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface CorrectionMail {
  to: string;
  subject: string;
  body: string;
  filename: string;
  /** The whole message, base64url: what Gmail.Users.Drafts.create takes as message.raw. */
  raw: string;
}

export function correctionSubject(settings: Settings, students: number): string {
  return `ขอแก้ไขเลขประจำตัวประชาชนนักเรียน ${settings.schoolName || 'โรงเรียน'}${settings.schoolCode ? ` รหัส ${settings.schoolCode}` : ''} (${students} คน)`;
}

export function correctionBody(settings: Settings, students: number): string {
  const school = `${settings.schoolName || 'โรงเรียน'}${settings.schoolCode ? ` (รหัสโรงเรียน ${settings.schoolCode})` : ''}`;
  return [
    '[ก่อนกดส่ง: แนบสำเนาบัตรประจำตัวประชาชนของนักเรียนทุกคนในแบบฟอร์ม แล้วลบข้อความในวงเล็บนี้]',
    '',
    'เรียน เจ้าหน้าที่ระบบ DMC สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน',
    '',
    `${school}${settings.districtOffice ? ` ${settings.districtOffice}` : ''} ขอส่งแบบขอแก้ไขเลขประจำตัวประชาชนนักเรียน จำนวน ${students} คน ตามไฟล์แนบ พร้อมสำเนาบัตรประจำตัวประชาชนของนักเรียน`,
    '',
    `ผู้รับผิดชอบ: ${settings.officerName}`,
    `โทรศัพท์: ${settings.officerPhone}`,
    '',
    'ขอแสดงความนับถือ',
    settings.officerName,
  ].join('\r\n');
}

export function correctionFilename(settings: Settings): string {
  return `DMC-ID-correction-${settings.schoolCode || 'school'}.xlsx`;
}

/** `from` is the user's own address (Gmail's profile), named after the officer. */
export function composeCorrectionMail(
  settings: Settings,
  from: string,
  students: number,
  xlsx: Uint8Array,
  env: MailEnv,
): CorrectionMail {
  const filename = correctionFilename(settings);
  const msg = new MIMEMessage({ ...env, eol: '\r\n', validateContentType: (v: string) => v.length > 0 && v });
  msg.setSender({ name: settings.officerName || 'DMC', addr: from });
  msg.setTo(settings.correctionEmail);
  const subject = correctionSubject(settings, students);
  msg.setSubject(subject);
  const body = correctionBody(settings, students);
  // Thai is 8-bit text: sent as base64, not mislabelled 7bit.
  msg.addMessage({ contentType: 'text/plain', charset: 'UTF-8', encoding: 'base64', data: env.toBase64(body) });
  msg.addAttachment({ filename, contentType: XLSX_TYPE, data: bytesToBase64(xlsx) });
  return { to: settings.correctionEmail, subject, body, filename, raw: env.toBase64WebSafe(msg.asRaw()) };
}
