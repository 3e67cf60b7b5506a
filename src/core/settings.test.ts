/** Settings parsing: the DMC download sheet setting (issue 13), its default and its bounds. */
import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, settingsSchema } from './settings';

describe('dmcSheet (แผ่นงานข้อมูล DMC)', () => {
  it('defaults to empty: the download is found automatically', () => {
    expect(defaultSettings().dmcSheet).toBe('');
    expect(parseSettings({ schoolName: 'ก' }).settings.dmcSheet).toBe('');
    // Settings stored before the field existed read as before.
    expect(parseSettings({ sheetScope: 'auto', rosterSheet: '' })).toMatchObject({
      settings: { dmcSheet: '', sheetScope: 'auto' },
      problems: [],
    });
  });

  it('keeps a sheet name as written, Thai or not, up to 100 characters', () => {
    for (const name of ['2568-3-student', 'ข้อมูล DMC', 'DMC (นำเข้า 20/03)', 'ก'.repeat(100)]) {
      expect(parseSettings({ dmcSheet: name })).toEqual({
        settings: { ...defaultSettings(), dmcSheet: name },
        problems: [],
      });
    }
  });

  it('refuses a name longer than 100 characters, or not text, keeping every other field', () => {
    for (const bad of ['ก'.repeat(101), 5, null]) {
      const r = parseSettings({ dmcSheet: bad, schoolName: 'โรงเรียนบ้านนา', sheetScope: 'all' });
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatch(/^dmcSheet: /);
      expect(r.settings).toMatchObject({ dmcSheet: '', schoolName: 'โรงเรียนบ้านนา', sheetScope: 'all' });
    }
    // What the add-on's save goes through: the field is named, nothing is stored.
    const saved = settingsSchema.safeParse({ dmcSheet: 'x'.repeat(101) });
    expect(saved.success).toBe(false);
    expect(saved.error?.issues.map((i) => i.path[0])).toEqual(['dmcSheet']);
  });
});
