/** Pins the correction email: subject, body and file name for each settings variant, and a message that parses back (issue 15). */
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { composeCorrectionMail, correctionBody, correctionFilename, correctionSubject, XLSX_TYPE } from './mime';
import { defaultSettings, type Settings } from './settings';
import { bytesToBase64 } from './xlsx';

const school: Settings = {
  ...defaultSettings(),
  schoolName: 'โรงเรียนบ้านนา',
  schoolCode: '10100001',
  districtOffice: 'สพป.ตัวอย่าง เขต 1',
  officerName: 'ครูสมใจ ใจดี',
  officerPhone: '081-234-5678',
  correctionEmail: 'district@example.go.th',
};
const env = {
  toBase64: (s: string) => Buffer.from(s, 'utf8').toString('base64'),
  toBase64WebSafe: (s: string) => Buffer.from(s, 'utf8').toString('base64url'),
};

describe('subject, body and file name', () => {
  it.each([
    [school, 'ขอแก้ไขเลขประจำตัวประชาชนนักเรียน โรงเรียนบ้านนา รหัส 10100001 (3 คน)'],
    [{ ...school, schoolCode: '' }, 'ขอแก้ไขเลขประจำตัวประชาชนนักเรียน โรงเรียนบ้านนา (3 คน)'],
    [{ ...school, schoolName: '' }, 'ขอแก้ไขเลขประจำตัวประชาชนนักเรียน โรงเรียน รหัส 10100001 (3 คน)'],
    [{ ...school, schoolName: '', schoolCode: '' }, 'ขอแก้ไขเลขประจำตัวประชาชนนักเรียน โรงเรียน (3 คน)'],
  ])('subject %#: %s', (s, subject) => expect(correctionSubject(s, 3)).toBe(subject));

  it('the body: a reminder to attach the ID cards, the school, the count, the officer and phone, in lines', () => {
    expect(correctionBody(school, 12).split('\r\n')).toEqual([
      '[ก่อนกดส่ง: แนบสำเนาบัตรประจำตัวประชาชนของนักเรียนทุกคนในแบบฟอร์ม แล้วลบข้อความในวงเล็บนี้]',
      '',
      'เรียน เจ้าหน้าที่ระบบ DMC สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน',
      '',
      'โรงเรียนบ้านนา (รหัสโรงเรียน 10100001) สพป.ตัวอย่าง เขต 1 ขอส่งแบบขอแก้ไขเลขประจำตัวประชาชนนักเรียน จำนวน 12 คน ตามไฟล์แนบ พร้อมสำเนาบัตรประจำตัวประชาชนของนักเรียน',
      '',
      'ผู้รับผิดชอบ: ครูสมใจ ใจดี',
      'โทรศัพท์: 081-234-5678',
      '',
      'ขอแสดงความนับถือ',
      'ครูสมใจ ใจดี',
    ]);
    expect(correctionBody(school, 12)).not.toMatch(/(?<!\r)\n/);
  });
  it.each([
    [{ schoolCode: '' }, 'โรงเรียนบ้านนา สพป.ตัวอย่าง เขต 1 ขอส่ง'],
    [{ districtOffice: '' }, 'โรงเรียนบ้านนา (รหัสโรงเรียน 10100001) ขอส่ง'],
    [{ schoolName: '', schoolCode: '', districtOffice: '' }, 'โรงเรียน ขอส่ง'],
  ] as Array<[Partial<Settings>, string]>)('the school line without %j', (change, start) => {
    expect(
      correctionBody({ ...school, ...change }, 1)
        .split('\r\n')[4]!
        .startsWith(start),
    ).toBe(true);
  });
  it.each([
    ['10100001', 'DMC-ID-correction-10100001.xlsx'],
    ['', 'DMC-ID-correction-school.xlsx'],
  ])('file name with code %j: %s', (schoolCode, name) => {
    expect(correctionFilename({ ...school, schoolCode })).toBe(name);
  });
});

describe('composeCorrectionMail', () => {
  const xlsx = new Uint8Array([80, 75, 3, 4, 0, 255, 128, 7, 9, 10]);
  it('a draft to the district, from the officer, that parses back whole', async () => {
    const mail = composeCorrectionMail(school, 'officer@example.com', 3, xlsx, env);
    expect(mail).toMatchObject({
      to: 'district@example.go.th',
      subject: correctionSubject(school, 3),
      body: correctionBody(school, 3),
      filename: 'DMC-ID-correction-10100001.xlsx',
    });
    expect(mail.raw).toMatch(/^[A-Za-z0-9_-]+$/);
    const raw = Buffer.from(mail.raw, 'base64url').toString('utf8');
    expect(raw).toMatch(/\r\n/);
    expect(raw).not.toMatch(/[^\r]\n/);
    const parsed = await PostalMime.parse(raw);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.from).toMatchObject({ address: 'officer@example.com', name: 'ครูสมใจ ใจดี' });
    expect(parsed.to).toEqual([{ address: 'district@example.go.th', name: '' }]);
    expect(parsed.text?.replace(/\r\n/g, '\n').replace(/\n$/, '')).toBe(mail.body.replace(/\r\n/g, '\n'));
    expect(parsed.attachments).toHaveLength(1);
    const [file] = parsed.attachments;
    expect(file).toMatchObject({ filename: 'DMC-ID-correction-10100001.xlsx', mimeType: XLSX_TYPE });
    expect(new Uint8Array(file!.content as ArrayBuffer)).toEqual(xlsx);
    // The body as base64 UTF-8 (Thai is 8-bit), the attachment as the bytes' base64.
    expect(raw).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(raw).toMatch(/Content-Transfer-Encoding: base64\r\n\r\n/);
    expect(raw).toContain(env.toBase64(mail.body));
    expect(raw).toContain(bytesToBase64(xlsx));
  });
  it('without an officer name the sender is called DMC', async () => {
    const mail = composeCorrectionMail({ ...school, officerName: '' }, 'me@example.com', 1, xlsx, env);
    const parsed = await PostalMime.parse(Buffer.from(mail.raw, 'base64url').toString('utf8'));
    expect(parsed.from).toMatchObject({ address: 'me@example.com', name: 'DMC' });
  });
  it('is the xlsx content type', () => {
    expect(XLSX_TYPE).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
