/** A framed record reads back whole or not at all. */
import { describe, expect, it } from 'vitest';
import { frameRecord, framedRecords, hash } from './framed';

describe('framed records', () => {
  const body = { sheets: [{ id: 1, note: 'ตรวจข้อมูล DMC: ' + 'ก'.repeat(90_000) }] };
  const lines = frameRecord('KIND', 3, 7, body);

  it('split into chunks a cell holds, read back whole', () => {
    expect(lines.length).toBe(4);
    expect(lines.slice(1).every((l) => l.length <= 40_000)).toBe(true);
    expect(framedRecords(lines, 'KIND', 3)).toEqual([{ seq: 7, body: { v: 3, ...body } }]);
  });
  it('every record of the column, in order', () => {
    const two = [...lines, '', ...frameRecord('KIND', 3, 9, { x: 1 })];
    expect(framedRecords(two, 'KIND', 3).map((r) => r.seq)).toEqual([7, 9]);
  });
  it.each([
    ['another kind', (l: string[]) => l, 'OTHER', 3],
    ['another version', (l: string[]) => l, 'KIND', 2],
    ['cut short', (l: string[]) => l.slice(0, -1), 'KIND', 3],
    ['a chunk edited', (l: string[]) => [l[0]!, l[1]!.replace('ก', 'ข'), ...l.slice(2)], 'KIND', 3],
    ['a chunk lengthened', (l: string[]) => [l[0]!, l[1] + ' ', ...l.slice(2)], 'KIND', 3],
    ['the header edited', (l: string[]) => [l[0]!.replace('|7|', '|x|'), ...l.slice(1)], 'KIND', 3],
  ] as const)('%s: nothing', (_, change, kind, version) => {
    expect(framedRecords(change([...lines]), kind, version)).toEqual([]);
  });
  it('JSON that does not parse, even with a matching hash, is nothing', () => {
    const json = '{"v":3,';
    expect(framedRecords([`KIND|3|1|1|${json.length}|${hash(json)}`, json], 'KIND', 3)).toEqual([]);
  });
  it('a body whose v is not the version is nothing', () => {
    const json = '{"v":4}';
    expect(framedRecords([`KIND|3|1|1|${json.length}|${hash(json)}`, json], 'KIND', 3)).toEqual([]);
  });
  it('hash: FNV-1a in base 36, stable', () => {
    expect(hash('')).toBe((0x811c9dc5).toString(36));
    expect(hash('ตรวจ')).toBe(hash('ตรวจ'));
    expect(hash('a')).not.toBe(hash('b'));
  });
});
