/** Pins docs/rules.md as a school reads it: one table per severity, every rule once, in both languages (issue 15). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RULES } from './catalogue';
import { FIELD_LABEL } from './fields';
import { rulesMarkdown } from './rules-doc';
import type { FieldKey } from './types';

const TABLE_HEAD = ['| รหัส / ID | ช่อง / field | ตรวจอะไร | What it checks |', '|---|---|---|---|'];
const HEADINGS = { error: 'ข้อผิดพลาด — Errors', warning: 'คำเตือน — Warnings', info: 'ข้อแนะนำ — Info' };

/** The document's sections: each "## " heading with the lines up to the next one. */
function sections(md: string): Array<{ heading: string; lines: string[] }> {
  const out: Array<{ heading: string; lines: string[] }> = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('## ')) out.push({ heading: line.slice(3), lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

describe('rulesMarkdown', () => {
  const md = rulesMarkdown();

  it('opens with its title, the generated-file note and what each severity means, in Thai and English', () => {
    const lines = md.split('\n');
    const [title, , note, , th, , en] = lines;
    expect(title).toBe('# กฎที่ตรวจ — Rules checked');
    // Each a paragraph of its own: Markdown runs lines with no blank line between into one.
    expect([lines[1], lines[3], lines[5], lines[7]]).toEqual(['', '', '', '']);
    expect(note).toMatch(/^<!-- Generated from src\/core\/catalogue\.ts by `npm run docs`.* -->$/);
    for (const word of ['**ข้อผิดพลาด**', '**คำเตือน**', '**ข้อแนะนำ**', 'ต้องแก้ก่อนยืนยัน']) expect(th).toContain(word);
    for (const word of ['**error**', '**warning**', '**info**', 'fix before confirming']) expect(en).toContain(word);
  });

  it('has one table per severity, errors first, each headed with its rule count', () => {
    const found = sections(md);
    expect(found.map((s) => s.heading)).toEqual(
      (['error', 'warning', 'info'] as const).map(
        (sev) => `${HEADINGS[sev]} (${RULES.filter((r) => r.severity === sev).length})`,
      ),
    );
    for (const { lines } of found) {
      expect(lines.slice(0, 3)).toEqual(['', ...TABLE_HEAD]);
    }
  });

  it('lists every rule once, in catalogue order, under its severity, with its field and what it checks', () => {
    for (const [i, { lines }] of sections(md).entries()) {
      const sev = (['error', 'warning', 'info'] as const)[i]!;
      const rows = lines.slice(3).filter((l) => l !== '');
      const rules = RULES.filter((r) => r.severity === sev);
      expect(rows).toHaveLength(rules.length);
      rules.forEach((r, j) => {
        const cells = rows[j]!.split(/(?<!\\)\|/)
          .slice(1, -1)
          .map((c) => c.trim());
        expect(cells[0]).toBe(`\`${r.id}\``);
        const label = r.field ? FIELD_LABEL[r.field as FieldKey] : null;
        expect(cells[1]).toBe(label ? `${label.th} / ${label.en}` : '—');
        expect(cells[2]).toBe(r.about.th.replace(/\|/g, '\\|'));
        expect(cells[3]).toBe(r.about.en.replace(/\|/g, '\\|'));
      });
    }
  });

  it('shows a rule without a field as "—"', () => {
    expect(md).toMatch(/^\| `header\.not-found` \| — \| /m);
  });

  it('ends with a table row and one newline', () => {
    const lines = md.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toMatch(/^\| `.*\|$/);
  });
});

describe('rulesMarkdown with a "|" in a rule’s text', () => {
  afterEach(() => {
    vi.doUnmock('./catalogue');
    vi.resetModules();
  });
  it('escapes it, so that the table keeps its four columns', async () => {
    vi.resetModules();
    vi.doMock('./catalogue', () => ({
      RULES: [
        { id: 'x.pipe', severity: 'warning', field: 'gender', about: { th: 'ชาย|หญิง', en: 'M|F' } },
        { id: 'x.none', severity: 'info', field: null, about: { th: 'ก', en: 'a' } },
      ],
    }));
    const { rulesMarkdown: fresh } = await import('./rules-doc');
    const doc = fresh();
    expect(doc).toContain('| `x.pipe` | เพศ / gender | ชาย\\|หญิง | M\\|F |');
    expect(doc).toContain('## ข้อผิดพลาด — Errors (0)');
    expect(doc).toContain('## คำเตือน — Warnings (1)');
    expect(doc).toContain('| `x.none` | — | ก | a |');
  });
});
