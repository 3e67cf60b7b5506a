/** Pins what the engine promises (issue 15): row rules once per distinct combination, cell rules per value. */
import { describe, expect, it } from 'vitest';
import { analyseSheet, type SheetData } from './analysis';
import { groupRules, rosterOf, runCellRules, runRowRules, type Fired } from './engine';
import type { Ctx, Hit, RowResult, RuleDef } from './rules/rule';
import type { Cell, FieldKey } from './types';

const HEAD = ['เพศ', 'ชื่อ', 'นามสกุล', 'เลขประจำตัวนักเรียน'];

/** A sheet of (gender, first name, last name, student number) rows under a header. */
function sheet(rows: Cell[][], index = 0, name = 'x'): SheetData {
  const s = analyseSheet(index, name, [HEAD, ...rows]);
  if (!s) throw new Error('no header');
  return s;
}

const ctx = {} as Ctx;

function rule(id: string, over: Partial<RuleDef>): RuleDef {
  return {
    id,
    severity: 'error',
    field: null,
    needs: [],
    about: { th: id, en: id },
    say: () => ({ th: id, en: id }),
    ...over,
  };
}

/** Each student's results as [rule id, hits] pairs. */
function collect(run: (fired: (i: number, r: readonly Fired[]) => void) => void): Map<number, Array<[string, Hit[]]>> {
  const out = new Map<number, Array<[string, Hit[]]>>();
  run((i, results) => {
    const list = out.get(i) ?? [];
    for (const [r, hits] of results) list.push([r.id, hits]);
    out.set(i, list);
  });
  return out;
}

describe('runRowRules', () => {
  it('runs a rule once per distinct combination and gives every row with it the hits', () => {
    // 8 rows, 2 genders × 2 surnames: 4 combinations.
    const rows: Cell[][] = [];
    for (let i = 0; i < 8; i++) rows.push([i % 2 ? 'ช' : 'ญ', 'ก', i < 4 ? 'ดี' : 'มี', '']);
    const s = sheet(rows);
    const seen: string[] = [];
    const r = rule('r', {
      reads: ['gender', 'lastName'],
      check: (v: Record<string, { text: string }>) => {
        seen.push(`${v.gender!.text}/${v.lastName!.text}`);
        return { value: `${v.gender!.text}/${v.lastName!.text}` };
      },
    });
    const got = collect((f) => runRowRules(s, groupRules([r]), ctx, f));
    expect(seen.sort()).toEqual(['ช/ดี', 'ช/มี', 'ญ/ดี', 'ญ/มี']);
    for (let i = 0; i < 8; i++)
      expect(got.get(i), `row ${i}`).toEqual([['r', [{ value: `${rows[i]![0]}/${rows[i]![2]}` }]]]);
  });

  it('shares at exactly half as many values as rows (2 genders over 4 rows)', () => {
    const s = sheet([['ช'], ['ญ'], ['ช'], ['ญ']]);
    let calls = 0;
    const r = rule('r', { reads: ['gender'], check: () => (calls++, true) });
    const got = collect((f) => runRowRules(s, groupRules([r]), ctx, f));
    expect(calls).toBe(2);
    expect([...got.keys()]).toEqual([0, 1, 2, 3]);
  });

  it('runs on every row of a column of distinct values, each row its own result', () => {
    const s = sheet([
      ['', '', '', '1'],
      ['', '', '', '2'],
      ['', '', '', '3'],
    ]);
    const r = rule('r', { reads: ['sid'], check: (v: Record<string, { text: string }>) => ({ value: v.sid!.text }) });
    const got = collect((f) => runRowRules(s, groupRules([r]), ctx, f));
    expect([...got]).toEqual([
      [0, [['r', [{ value: '1' }]]]],
      [1, [['r', [{ value: '2' }]]]],
      [2, [['r', [{ value: '3' }]]]],
    ]);
  });

  it('turns true into one empty hit, a hit into a list, and drops false, null and []', () => {
    const s = sheet([['ช'], ['ช'], ['ช'], ['ช']]);
    const results: RowResult[] = [true, { value: 'a' }, [{ value: 'b' }, { value: 'c' }], false, null, [], undefined];
    const rules = results.map((res, k) => rule(`r${k}`, { reads: ['gender'], check: () => res }));
    const got = collect((f) => runRowRules(s, groupRules(rules), ctx, f));
    const expected = [
      ['r0', [{}]],
      ['r1', [{ value: 'a' }]],
      ['r2', [{ value: 'b' }, { value: 'c' }]],
    ];
    expect(got.get(0)).toEqual(expected);
    expect(got.get(3)).toEqual(expected);
  });

  it('never calls fired for a row without hits', () => {
    const s = sheet([['ช'], ['ญ'], ['ช'], ['ญ'], ['ช'], ['ญ']]);
    const r = rule('r', { reads: ['gender'], check: (v: Record<string, { v: unknown }>) => v.gender!.v === 'F' });
    const got = collect((f) => runRowRules(s, groupRules([r]), ctx, f));
    expect([...got.keys()]).toEqual([1, 3, 5]);
  });

  it('keeps two fields apart: (a, b) and (b, a) are different combinations', () => {
    // First and last names drawn from the same two words: a key that mixed them up would share results.
    const rows: Cell[][] = [
      ['', 'ก', 'ข'],
      ['', 'ข', 'ก'],
      ['', 'ก', 'ก'],
      ['', 'ข', 'ข'],
      ['', 'ก', 'ข'],
      ['', 'ข', 'ก'],
      ['', 'ก', 'ก'],
      ['', 'ข', 'ข'],
    ];
    const s = sheet(rows);
    const r = rule('r', {
      reads: ['firstName', 'lastName'],
      check: (v: Record<string, { text: string }>) => ({ value: v.firstName!.text + v.lastName!.text }),
    });
    const got = collect((f) => runRowRules(s, groupRules([r]), ctx, f));
    rows.forEach((row, i) => expect(got.get(i)).toEqual([['r', [{ value: `${row[1]}${row[2]}` }]]]));
  });

  it('gives each row its results in group order', () => {
    const s = sheet([
      ['ช', 'ก'],
      ['ช', 'ก'],
      ['ช', 'ก'],
      ['ช', 'ก'],
    ]);
    const rules = [
      rule('a', { reads: ['gender'], check: () => true }),
      rule('b', { reads: ['firstName'], check: () => true }),
      rule('c', { reads: ['gender'], check: () => true }),
    ];
    const got = collect((f) => runRowRules(s, groupRules(rules), ctx, f));
    expect(got.get(2)!.map(([id]) => id)).toEqual(['a', 'c', 'b']);
  });
});

describe('runRowRules: few combinations up front', () => {
  // 400 rows of 2 genders × 2 surnames: 4 combinations (at most a quarter of the rows).
  const rows: Cell[][] = Array.from({ length: 400 }, (_, i) => [i % 2 ? 'ช' : 'ญ', 'ก', i % 3 ? 'ดี' : 'มี', '']);
  const s = sheet(rows);

  it('evaluates each combination of the fields’ values once, even one no student has', () => {
    const few = sheet(rows.map((r) => [r[0]!, 'ก', r[0] === 'ช' ? 'ดี' : 'มี', ''])); // only ช/ดี and ญ/มี occur
    const seen: string[] = [];
    const r = rule('r', {
      reads: ['gender', 'lastName'],
      check: (v: Record<string, { text: string }>) => void seen.push(`${v.gender!.text}/${v.lastName!.text}`),
    });
    expect(collect((f) => runRowRules(few, groupRules([r]), ctx, f)).size).toBe(0);
    expect(seen.sort()).toEqual(['ช/ดี', 'ช/มี', 'ญ/ดี', 'ญ/มี']);
  });

  it('gives exactly the students of a firing combination its hits, in row order', () => {
    const r = rule('r', {
      reads: ['gender', 'lastName'],
      check: (v: Record<string, { text: string }>) => v.gender!.text === 'ช' && v.lastName!.text === 'มี',
    });
    const got = collect((f) => runRowRules(s, groupRules([r]), ctx, f));
    const expected = rows.flatMap((row, i) => (row[0] === 'ช' && row[2] === 'มี' ? [i] : []));
    expect([...got.keys()]).toEqual(expected);
    for (const i of expected) expect(got.get(i)).toEqual([['r', [{}]]]);
  });

  it('takes a single field up front however many values it has', () => {
    const distinct = sheet(Array.from({ length: 300 }, (_, i) => ['ช', `ชื่อ${i}`, 'ดี', '']));
    let calls = 0;
    const r = rule('r', {
      reads: ['firstName'],
      check: (v: Record<string, { text: string }>) => (calls++, v.firstName!.text === 'ชื่อ7'),
    });
    expect([...collect((f) => runRowRules(distinct, groupRules([r]), ctx, f)).keys()]).toEqual([7]);
    expect(calls).toBe(300);
  });
});

describe('groupRules', () => {
  it('groups row rules by the set of fields they read, in first-rule order, and leaves out the rest', () => {
    const rules = [
      rule('a', { reads: ['lastName', 'gender'], check: () => null }),
      rule('b', { reads: ['sid'], check: () => null }),
      rule('c', { reads: ['gender', 'lastName'], check: () => null }),
      rule('d', { each: ['sid'], cell: () => null }),
      rule('e', { check: () => null }),
    ];
    const groups = groupRules(rules);
    expect(groups.map((g) => [g.fields, g.rules.map((r) => r.id)])).toEqual([
      [
        ['gender', 'lastName'],
        ['a', 'c'],
      ],
      [['sid'], ['b']],
      [[], ['e']],
    ]);
  });
});

describe('runCellRules', () => {
  it('checks each distinct value of each field once; hits name their field and come in field order', () => {
    const s = sheet([
      ['', 'ก', 'ข'],
      ['', 'ก', 'ค'],
      ['', 'ง', 'ข'],
      ['', 'ก', 'ข'],
    ]);
    const calls: string[] = [];
    const r = rule('r', {
      each: ['lastName', 'firstName'],
      cell: (v: { text: string }, field: FieldKey) => {
        calls.push(`${field}:${v.text}`);
        return v.text === 'ข' || v.text === 'ก' ? { value: v.text } : null;
      },
    });
    const got = collect((f) => runCellRules(s, [r], ctx, f));
    expect(calls.sort()).toEqual(['firstName:ก', 'firstName:ง', 'lastName:ข', 'lastName:ค'].sort());
    expect(got.get(0)).toEqual([
      [
        'r',
        [
          { field: 'lastName', value: 'ข' },
          { field: 'firstName', value: 'ก' },
        ],
      ],
    ]);
    expect(got.get(1)).toEqual([['r', [{ field: 'firstName', value: 'ก' }]]]);
    expect(got.get(2)).toEqual([['r', [{ field: 'lastName', value: 'ข' }]]]);
    expect(got.get(3)).toEqual(got.get(0));
  });

  it('reports only the students a value fires on, and none when no value fires', () => {
    const s = sheet([
      ['ช', 'ก', 'ดี', ''],
      ['ญ', 'ข', 'ดี', ''],
      ['ช', 'ก', 'มี', ''],
    ]);
    const some = rule('some', { each: ['firstName'], cell: (v: { text: string }) => v.text === 'ก' });
    const none = rule('none', { each: ['firstName', 'lastName'], cell: () => null });
    const got = collect((f) => runCellRules(s, [some, none], ctx, f));
    expect([...got.keys()]).toEqual([0, 2]);
    expect(got.get(0)).toEqual([['some', [{ field: 'firstName' }]]]);
  });

  it('keeps the field a hit names, turns true into a hit on the field, and skips rules that are not cell rules', () => {
    const s = sheet([['', 'ก', 'ข']]);
    const rules = [
      rule('other', { each: ['firstName'], cell: () => ({ field: 'prefix', value: 'x' }) }),
      rule('yes', { each: ['lastName'], cell: () => true }),
      rule('no', { each: ['lastName'], cell: () => false }),
      rule('row', { reads: ['lastName'], check: () => true }),
      rule('half', { cell: () => true }),
    ];
    const got = collect((f) => runCellRules(s, rules, ctx, f));
    expect(got.get(0)).toEqual([
      ['other', [{ field: 'prefix', value: 'x' }]],
      ['yes', [{ field: 'lastName' }]],
    ]);
  });
});

describe('rosterOf', () => {
  const a = sheet(
    [
      ['ช', 'ก', '', '7'],
      ['', '', '', ''],
      ['ญ', 'ข', '', '0123'],
    ],
    0,
    'a',
  );
  const b = sheet(
    [
      ['ช', 'ค', '', '123'],
      ['ช', 'ก', '', '7'],
    ],
    1,
    'b',
  );

  it('runs over the sheets in order: sheet index, 1-based row, values', () => {
    const r = rosterOf([a, b]);
    expect(r.size).toBe(4);
    expect([0, 1, 2, 3].map((i) => [r.sheet(i), r.row(i), r.get('firstName', i).text])).toEqual([
      [0, 2, 'ก'],
      [0, 4, 'ข'],
      [1, 2, 'ค'],
      [1, 3, 'ก'],
    ]);
    expect(r.locate(3)).toEqual([b, 1]);
    expect(r.locate(1)).toEqual([a, 1]);
    expect(r.locate(2)).toEqual([b, 0]);
  });

  it('reads one sheet alone the same way', () => {
    const r = rosterOf([b]);
    expect(r.size).toBe(2);
    expect([r.sheet(1), r.row(1), r.get('firstName', 1).text, r.locate(1)]).toEqual([1, 3, 'ก', [b, 1]]);
  });

  it('numbers keys in first-seen order across sheets: equal keys one number, null -1, "0123" ≠ "123"', () => {
    const r = rosterOf([a, b]);
    const sid = r.ids('sid', (v) => (v.blank ? null : v.text));
    expect([...sid.ids]).toEqual([0, 1, 2, 0]);
    expect(sid.count).toBe(3);
    // Texts and digit keys share one count.
    const mixed = r.ids('firstName', (v) => (v.blank || v.text === 'ข' ? null : v.text));
    expect([...mixed.ids]).toEqual([0, -1, 1, 0]);
    expect(mixed.count).toBe(2);
    const both = r.ids('sid', (v) => (v.blank ? null : v.text === '7' ? 'x' : v.text));
    expect([...both.ids]).toEqual([0, 1, 2, 0]);
    expect(both.count).toBe(3);
    const one = rosterOf([a]).ids('sid', (v) => (v.blank ? null : v.text));
    expect([...one.ids]).toEqual([0, 1]);
  });
});

describe('rosterOf: groups of equal keys', () => {
  const HEAD_SID = ['เลขประจำตัวนักเรียน', 'ชื่อ', 'นามสกุล'];
  const roster = (sheets: Cell[][][]) =>
    rosterOf(sheets.map((rows, i) => analyseSheet(i, `s${i}`, [HEAD_SID, ...rows])!));
  const bySid = (r: ReturnType<typeof roster>) => r.groups('sid', (v) => (v.blank ? null : v.text));

  it('groups digit keys and text keys alike, in order of their first student, each in row order; null never', () => {
    const r = roster([
      [
        ['7', 'ก', 'ข'],
        ['x1', 'ก', 'ข'],
        ['', 'ก', 'ข'],
        ['9', 'ก', 'ข'],
        ['x1', 'ก', 'ข'],
        ['', 'ก', 'ข'],
        ['7', 'ก', 'ข'],
      ],
    ]);
    expect(bySid(r)).toEqual([
      [0, 6],
      [1, 4],
    ]);
  });

  it('keeps "0123" and "123" apart, and finds a group across sheets', () => {
    const r = roster([
      [
        ['0123', 'ก', 'ข'],
        ['5', 'ก', 'ข'],
      ],
      [
        ['123', 'ก', 'ข'],
        ['5', 'ก', 'ข'],
        ['0123', 'ก', 'ข'],
      ],
    ]);
    expect(bySid(r)).toEqual([
      [0, 4],
      [1, 3],
    ]);
  });

  it('makes no group of a key one student has, text or digits', () => {
    const r = roster([
      [
        ['x1', 'ก', 'ข'],
        ['5', 'ก', 'ข'],
        ['x2', 'ก', 'ข'],
        ['x2', 'ก', 'ข'],
      ],
    ]);
    expect(bySid(r)).toEqual([[2, 3]]);
  });

  it('has no groups when every key differs', () => {
    const r = roster([Array.from({ length: 300 }, (_, i): Cell[] => [String(1000 + i), 'ก', 'ข'])]);
    expect(bySid(r)).toEqual([]);
  });

  it('keys a shaped column from its texts, a value of no shape from the value', () => {
    const rows = Array.from({ length: 300 }, (_, i): Cell[] => [String(1000 + i), 'ก', 'ข']);
    rows[250]![0] = '1010';
    rows[260]![0] = ' 1010 ';
    const r = roster([rows]);
    expect(analyseSheet(0, '', [HEAD_SID, ...rows])!.columns.sid.shapes).toBeDefined();
    const seen: string[] = [];
    const groups = r.groups('sid', (v) => (seen.push(v.text), v.blank ? null : v.text.trim()), 'text');
    expect(groups).toEqual([[10, 250, 260]]);
    // Only the value of no shape went through keyOf.
    expect(seen).toEqual([' 1010 ']);
  });
});

describe('runRowRules on many combinations', () => {
  const WIDE = ['ชื่อ', 'นามสกุล', 'ห้อง', 'น้ำหนัก', 'ส่วนสูง'];
  const FIELDS: FieldKey[] = ['firstName', 'lastName', 'room', 'weight', 'height'];

  /** A sheet whose row r holds cells[f](r) in field f's column; every row a student. */
  function wide(n: number, cells: Array<(r: number) => string>): SheetData {
    const rows: Cell[][] = [WIDE];
    for (let r = 0; r < n; r++) rows.push(cells.map((c) => c(r)));
    const s = analyseSheet(0, 'x', rows);
    if (!s) throw new Error('no header');
    return s;
  }

  /** A rule reading the first `k` fields that names what it saw, counting its calls. */
  function echo(k: number, when: (texts: string[]) => boolean = () => true) {
    const calls = { n: 0 };
    const r = rule('echo', {
      reads: FIELDS.slice(0, k),
      check: (v: Record<string, { text: string }>) => {
        calls.n++;
        const texts = FIELDS.slice(0, k).map((f) => v[f]!.text);
        return when(texts) && { value: texts.join('|') };
      },
    });
    return { r, calls };
  }

  /** Row → the value each row's hit must carry, and the rows that must fire. */
  function expectOwn(s: SheetData, r: RuleDef, cells: Array<(r: number) => string>, fires = (_: number) => true) {
    const got = collect((f) => runRowRules(s, groupRules([r]), ctx, f));
    const n = s.rows.length;
    const want = Array.from({ length: n }, (_, i) => i).filter(fires);
    expect([...got.keys()]).toEqual(want);
    for (const i of want) {
      const value = cells
        .slice(0, r.reads!.length)
        .map((c) => c(i))
        .join('|');
      if (got.get(i)![0]![1][0]!.value !== value) expect(got.get(i), `row ${i}`).toEqual([['echo', [{ value }]]]);
    }
  }

  it('five fields of 2,048 values over 4,096 rows (2^55 combinations): each row sees its own values', () => {
    // Rows 2k and 2k + 1 differ only in the weight (k and k + 1), the field read last: numbered as one
    // number past 2^53, such neighbours would round together and share a result.
    const half = (r: number) => r >> 1;
    const cells = [
      (r: number) => `a${half(r)}`,
      (r: number) => `b${half(r)}`,
      (r: number) => `c${half(r)}`,
      (r: number) => `d${(half(r) + (r & 1)) % 2048}`,
      (r: number) => `e${half(r)}`,
    ];
    const s = wide(4096, cells);
    const { r } = echo(5);
    expectOwn(s, r, cells);
  });

  it('a column of distinct values: rows without hits are not reported', () => {
    const cells = [(r: number) => `a${r}`];
    const s = wide(200, cells);
    const { r, calls } = echo(1, ([a]) => Number(a!.slice(1)) % 3 === 0);
    expectOwn(s, r, cells, (i) => i % 3 === 0);
    expect(calls.n).toBe(200);
  });

  it('two fields of 40 values (1,600 combinations, more than a quarter of 4,000 rows) sharing 400: a table, once per combination', () => {
    // 40 × 40 values, of which 400 combinations occur, each 10 times: too many to take all 1,600 up front,
    // few enough for a table.
    const k = (r: number) => Math.floor((r % 400) / 40);
    const cells = [(r: number) => `a${r % 40}`, (r: number) => `b${((r % 40) + 4 * k(r)) % 40}`];
    const s = wide(4000, cells);
    expect(s.columns.lastName.values).toHaveLength(40);
    const { r, calls } = echo(2, ([a, b]) => a === 'a3' && b === 'b11');
    expectOwn(s, r, cells, (i) => i % 40 === 3 && k(i) === 2);
    expect(calls.n).toBe(400);
  });

  it('a column of distinct values beside another field: each row evaluated, rows without hits not reported', () => {
    const cells = [(r: number) => `a${r}`, (r: number) => `b${r % 2}`];
    const s = wide(300, cells);
    const { r, calls } = echo(2, ([a, b]) => b === 'b1' && Number(a!.slice(1)) % 5 === 0);
    expectOwn(s, r, cells, (i) => i % 2 === 1 && i % 5 === 0);
    expect(calls.n).toBe(300);
  });

  it('three fields of 2,048 values (2^33 combinations) repeating over 4,096 rows: once per combination', () => {
    const half = (r: number) => r >> 1;
    const cells = [(r: number) => `a${half(r)}`, (r: number) => `b${half(r)}`, (r: number) => `c${half(r)}`];
    const s = wide(4096, cells);
    const { r, calls } = echo(3);
    expectOwn(s, r, cells);
    expect(calls.n).toBe(2048);
  });

  it('three fields of 200, 200 and 50 values (2,000,000 combinations) over 5,000 rows, each combination 5 times: once each', () => {
    const cells = [
      (r: number) => `a${(r % 1000) % 200}`,
      (r: number) => `b${Math.floor((r % 1000) / 5)}`,
      (r: number) => `c${(r % 1000) % 50}`,
    ];
    const s = wide(5000, cells);
    const { r, calls } = echo(3, ([a]) => a !== 'a7');
    expectOwn(s, r, cells, (i) => i % 200 !== 7);
    expect(calls.n).toBe(1000);
  });

  it('three fields of 2,500 values over 5,000 rows that share little: every row still its own result', () => {
    const cells = [
      (r: number) => `a${r % 2500}`,
      (r: number) => `b${(r * 7) % 2500}`,
      (r: number) => `c${(r * 13) % 2500}`,
    ];
    const s = wide(5000, cells);
    const { r } = echo(3, ([a]) => a !== 'a2000');
    expectOwn(s, r, cells, (i) => i % 2500 !== 2000);
  });
});

describe('rosterOf with a sheet of no students', () => {
  it('skips the empty sheet: the next sheet’s first student comes right after the first sheet’s', () => {
    const a = sheet([['ช', 'ก', '', '1']], 0, 'a');
    const empty = sheet([], 1, 'empty');
    const c = sheet([['ญ', 'ข', '', '2']], 2, 'c');
    expect(empty.rows.length).toBe(0);
    const r = rosterOf([a, empty, c]);
    expect(r.size).toBe(2);
    expect([r.sheet(1), r.row(1), r.get('firstName', 1).text]).toEqual([2, 2, 'ข']);
    expect(r.locate(1)).toEqual([c, 0]);
  });
});
