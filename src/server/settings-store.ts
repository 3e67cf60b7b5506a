/** Settings in DocumentProperties as JSON, validated by the core's schema. */
import { parseSettings, settingsSchema, type Settings } from '../core/settings';
import type { Msg } from '../core/types';
import { M } from './messages';

const KEY = 'dmc.settings';

/** Stored settings; when some were invalid, their defaults and a notice telling the user to fix them. */
export function loadSettings(): { settings: Settings; notices: Msg[] } {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return { settings: parseSettings({}).settings, notices: [] };
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return { settings: parseSettings({}).settings, notices: [M.settingsInvalid] };
  }
  const { settings, problems } = parseSettings(stored);
  return { settings, notices: problems.length ? [M.settingsInvalid] : [] };
}

const FIELD_MESSAGES: Record<string, Msg> = {
  schoolCode: {
    th: 'รหัสโรงเรียนต้องเป็นตัวเลข 8 หลัก (SMIS) หรือ 10 หลัก (สพฐ.)',
    en: 'School code is 8 digits (SMIS) or 10 (OBEC)',
  },
  officerPhone: { th: 'เบอร์โทรศัพท์ต้องเป็นตัวเลข 9–10 หลัก เช่น 081-234-5678', en: 'Phone: 9–10 digits, e.g. 081-234-5678' },
  correctionEmail: { th: 'อีเมลไม่ถูกต้อง', en: 'Not an email address' },
  academicYear: {
    th: 'ปีการศึกษาเป็น พ.ศ. เช่น 2569 (หรือ 0 = คำนวณเอง)',
    en: 'Academic year in BE, e.g. 2569 (or 0 = automatic)',
  },
  asOf: { th: 'วันที่ต้องเป็นรูปแบบ ปปปป-ดด-วว (ค.ศ.)', en: 'Date as YYYY-MM-DD (CE)' },
  examEnd: { th: 'วันที่ต้องเป็นรูปแบบ ปปปป-ดด-วว (ค.ศ.)', en: 'Date as YYYY-MM-DD (CE)' },
  headerRow: { th: 'แถวหัวตารางเป็นเลข 0–50 (0 = หาเอง)', en: 'Header row 0–50 (0 = automatic)' },
  language: { th: 'ภาษาต้องเป็น th หรือ en', en: 'Language is th or en' },
};

export type SaveOutcome = { saved: true; settings: Settings } | { saved: false; errors: Record<string, Msg> };

/** Validates and stores; invalid fields come back with a message each, and nothing is stored. */
export function storeSettings(input: unknown): SaveOutcome {
  const r = settingsSchema.safeParse(input);
  if (!r.success) {
    const errors: Record<string, Msg> = {};
    for (const issue of r.error.issues) {
      const field = String(issue.path[0] ?? '');
      errors[field] = FIELD_MESSAGES[field] ?? { th: `ค่าไม่ถูกต้อง (${issue.message})`, en: issue.message };
    }
    return { saved: false, errors };
  }
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(r.data));
  return { saved: true, settings: r.data };
}
