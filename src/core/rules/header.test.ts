import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, describeRules } from '../../../test/support/rules';
import { validate } from '../validate';
import { headerRules } from './header';

describeRules('header rules', headerRules, {
  'header.not-found': {
    fire: [{ columns: ['room', 'weight'] }],
    quiet: [{}],
  },
  'header.missing-column': {
    fire: [{ columns: ['cid', 'firstName', 'lastName', 'gender', 'dob', 'grade'], cell: undefined }],
    quiet: [{ columns: DEFAULT_COLUMNS }],
  },
  'file.bad-bytes': {
    fire: [
      { damaged: [{ row: 1, col: 3 }] },
      { damaged: Array.from({ length: 12 }, (_, i) => ({ row: i + 1, col: 3 })) },
    ],
    quiet: [{}, { damaged: [] }],
  },
  'header.duplicate-column': {
    fire: [
      {
        table: [
          ['ชื่อ', 'นามสกุล', 'เพศ', 'สกุล'],
          ['สมชาย', 'ใจดี', 'ชาย', 'ใจดี'],
        ],
        cell: 'D1',
      },
    ],
    quiet: [{}],
  },
});

describe('header findings', () => {
  it('a missing identity column is a warning, a missing movement column info', () => {
    const r = validate([
      ['ชื่อ', 'นามสกุล', 'ชั้น'],
      ['สมชาย', 'ใจดี', 'ป.1'],
    ]);
    const missing = r.findings.filter((f) => f.rule === 'header.missing-column');
    const sev = Object.fromEntries(missing.map((f) => [f.field, f.severity]));
    expect(sev.cid).toBe('warning');
    expect(sev.dob).toBe('warning');
    expect(sev.status).toBe('info');
    expect(sev.firstName).toBeUndefined();
  });

  it('without a header row there is exactly one finding and no student is read', () => {
    const r = validate([
      ['a', 'b'],
      [1, 2],
    ]);
    expect(r.findings.map((f) => f.rule)).toEqual(['header.not-found']);
    expect(r.summary.students).toBe(0);
    expect(r.summary.headerRow).toBeNull();
  });
});
