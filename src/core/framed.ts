/**
 * A JSON record kept as lines of one sheet column (the marks store, the fixes' undo record): a header line
 * names its kind, version, sequence number, chunk count, length and hash; the JSON follows in chunks a cell
 * can hold. A record cut short, edited or of another version reads as nothing, never as half a record.
 */

/** FNV-1a, 32 bits, base 36: a short, stable fingerprint of a text (the multiply as shifts: no global lookups). */
export function hash(s: string): string {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h += (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24);
  }
  return (h >>> 0).toString(36);
}

/** Characters of JSON a line holds (a cell holds 50,000). */
const CHUNK = 40_000;

const isInt = (x: unknown, min = 0): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;

/** `{v: version, …body}` as a header line and chunks. */
export function frameRecord(kind: string, version: number, seq: number, body: object): string[] {
  const json = JSON.stringify({ v: version, ...body });
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  return [[kind, version, seq, chunks.length, json.length, hash(json)].join('|'), ...chunks];
}

/** Every complete record of `kind` and `version` in the lines, in the order they stand. */
export function framedRecords(
  lines: readonly string[],
  kind: string,
  version: number,
): Array<{ seq: number; body: Record<string, unknown> }> {
  const out: Array<{ seq: number; body: Record<string, unknown> }> = [];
  lines.forEach((line, i) => {
    const h = line.split('|');
    if (h[0] !== kind || h.length !== 6) return;
    const [v, seq, n, len] = h.slice(1, 5).map(Number) as [number, number, number, number];
    if (v !== version || !isInt(seq) || !isInt(n, 1) || !isInt(len) || i + n >= lines.length) return;
    const json = lines.slice(i + 1, i + 1 + n).join('');
    if (json.length !== len || hash(json) !== h[5]) return;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(json) as Record<string, unknown>;
    } catch {
      return;
    }
    if (body && body.v === version) out.push({ seq, body });
  });
  return out;
}
