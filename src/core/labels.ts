/** Words every face of the product shows around findings, in Thai and English. */
import type { Msg, Severity } from './types';

export const SEVERITY_LABEL: Record<Severity, Msg> = {
  error: { th: 'ข้อผิดพลาด', en: 'Errors' },
  warning: { th: 'คำเตือน', en: 'Warnings' },
  info: { th: 'ข้อแนะนำ', en: 'Info' },
};

export const GENDER_LABEL = {
  male: { th: 'ชาย', en: 'Male' },
  female: { th: 'หญิง', en: 'Female' },
  unknown: { th: 'ไม่ระบุ', en: 'Unknown' },
  total: { th: 'รวม', en: 'Total' },
} satisfies Record<string, Msg>;
