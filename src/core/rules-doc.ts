/** docs/rules.md from the catalogue: the rule list a school reads, always the one the code runs. */
import { RULES } from './catalogue';
import { FIELD_LABEL } from './fields';
import { SEVERITY_LABEL } from './labels';
import { SEVERITIES } from './types';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function rulesMarkdown(): string {
  const out = [
    '# กฎที่ตรวจ — Rules checked',
    '',
    '<!-- Generated from src/core/catalogue.ts by `npm run docs`; test/docs.test.ts keeps it current. -->',
    '',
    'ระดับ (severity): **ข้อผิดพลาด** = DMC ไม่รับหรือเขตไม่อนุญาต ต้องแก้ก่อนยืนยัน · **คำเตือน** = น่าจะผิด ต้องมีคนดู · ' +
      '**ข้อแนะนำ** = คำแนะนำ ไม่มีอะไรผิด',
    '',
    '**error** = DMC rejects it or the district forbids it: fix before confirming · **warning** = very likely wrong: ' +
      'a person must look · **info** = guidance, nothing is wrong.',
  ];
  for (const sev of SEVERITIES) {
    const rules = RULES.filter((r) => r.severity === sev);
    out.push('', `## ${SEVERITY_LABEL[sev].th} — ${SEVERITY_LABEL[sev].en} (${rules.length})`, '');
    out.push('| รหัส / ID | ช่อง / field | ตรวจอะไร | What it checks |', '|---|---|---|---|');
    for (const r of rules) {
      const field = r.field ? `${FIELD_LABEL[r.field].th} / ${FIELD_LABEL[r.field].en}` : '—';
      out.push(`| \`${r.id}\` | ${cell(field)} | ${cell(r.about.th)} | ${cell(r.about.en)} |`);
    }
  }
  return out.join('\n') + '\n';
}
