/**
 * The fast CSV reader: a UTF-8 or Windows-874 file's bytes straight into columns, without decoding the
 * whole file or splitting it into millions of strings. Delimiters, quotes and line breaks are ASCII, so
 * in both encodings they are found in the bytes; each field is hashed as it is scanned and looked up in
 * its column's dictionary, so only distinct values are ever decoded. A line with a quote goes through
 * the same quoted-record reader as the text path (csv-split.ts). The rows, the cells and the damage it
 * reports are those of decoding the file and splitting it (a property test holds them equal).
 */
import { Buffer } from 'node:buffer';
import type { TextColumn, TextColumns } from '../core/text-columns';
import { cleanDecoded, validUtf8, type Encoding } from './decode';
import { InputError, LIMITS, READ_ERRORS } from './input-error';
import { layoutOf, MAX_QUOTED_LINES, quotedRecord, SPLIT_LIMIT } from './csv-split';

const CR = 13;
const LF = 10;
const QUOTE = 34;
/** Rows read before a column decides whether it is mostly distinct (as the analysis samples). */
const SAMPLE = 8192;
/** U+FFFD in UTF-8. */
const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);
/** FNV-1a, 32 bits. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

type Decode = (start: number, end: number, plain: boolean) => string;

/** ASCII bytes as text: Buffer's own latin1 slice, the fastest way Node has. */
const latin1 = (b: Buffer, s: number, e: number): string =>
  (b as unknown as { latin1Slice(s: number, e: number): string }).latin1Slice(s, e);

/** Ints per code in `entries`: its bytes in `pool` (start, length), its first bytes in the file (start), plain. */
const ENTRY = 4;

/** One column's dictionary of byte strings, then of texts; or its texts row by row. */
class ColumnBuilder {
  codes: Int32Array;
  /**
   * Each code's text, decoded when first asked for: most codes of the first rows belong to columns that
   * turn out mostly distinct (IDs, names), whose dictionary is dropped, so they are never decoded.
   */
  private texts: Array<string | undefined> = [''];
  /**
   * A column of mostly distinct values keeps its rows instead: each row's bytes (start, end), decoded when
   * read, so a column nobody reads (an address, a running number) costs no strings. Texts that are not a
   * span of the file — the quoted path's, the rows before the column was found distinct, bytes that decode
   * to damage — are held as texts.
   */
  spans = new Int32Array(0);
  /** The column keeps its rows (`spans`), not a dictionary: decided after SAMPLE rows. */
  distinct = false;
  private plainRows: Uint8Array = new Uint8Array(0);
  private held = new Map<number, string>();
  /** Open addressing, two ints a slot: code + 1 (0: free) and the value's hash. */
  private table = new Int32Array(128);
  /**
   * Each code's bytes, copied together into `pool` (start and length): compared there rather than at their
   * first place in the file, which a large file has long pushed out of the cache; and that first place
   * (start, and 1 when plain ASCII), from which the text is decoded. A text from the quoted path has
   * lengths and starts -1: it is never looked up by bytes.
   */
  private entries = new Int32Array(128 * ENTRY);
  private pool = new Uint8Array(4096);
  private poolUsed = 0;
  /** Texts that came through the quoted path, which have no bytes of their own to compare. */
  private byText: Map<string, number> | null = null;

  /** `expected`: how many rows the file is expected to hold, so that the arrays rarely grow. */
  constructor(
    private readonly src: Uint8Array,
    private readonly expected: number,
    private readonly decode: Decode,
  ) {
    this.codes = new Int32Array(expected);
  }

  private insertSlot(table: Int32Array, hash: number, code: number): void {
    const mask = (table.length >> 1) - 1;
    let slot = hash & mask;
    while (table[slot << 1] !== 0) slot = (slot + 1) & mask;
    table[slot << 1] = code + 1;
    table[(slot << 1) + 1] = hash;
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s] !== 0) this.insertSlot(table, old[s + 1]!, old[s]! - 1);
    this.table = table;
  }

  private note(code: number, poolStart: number, length: number, fileStart: number, plain: boolean): void {
    if ((code + 1) * ENTRY > this.entries.length) {
      const b = new Int32Array(this.entries.length * 2);
      b.set(this.entries);
      this.entries = b;
    }
    const at = code * ENTRY;
    this.entries[at] = poolStart;
    this.entries[at + 1] = length;
    this.entries[at + 2] = fileStart;
    this.entries[at + 3] = plain ? 1 : 0;
  }

  /** A code's text. */
  text(code: number): string {
    let t = this.texts[code];
    if (t === undefined) {
      const at = code * ENTRY;
      const start = this.entries[at + 2]!;
      t = this.texts[code] = this.decode(start, start + this.entries[at + 1]!, this.entries[at + 3] === 1);
    }
    return t;
  }

  /** Whether a row of this code holds nothing (code 0, or bytes that decode to '', which are decoded when met). */
  empty(code: number): boolean {
    return code === 0 || this.texts[code] === '';
  }

  /** The code of bytes [start, end) (not empty) with FNV hash `hash`. */
  codeOf(hash: number, start: number, end: number, plain: boolean): number {
    const { src, pool, table, entries } = this;
    const mask = (table.length >> 1) - 1;
    const len = end - start;
    let slot = hash & mask;
    for (;;) {
      const entry = table[slot << 1]!;
      if (entry === 0) break;
      if (table[(slot << 1) + 1] === hash) {
        const at = (entry - 1) * ENTRY;
        if (entries[at + 1] === len) {
          const p = entries[at]!;
          let i = 0;
          while (i < len && pool[p + i] === src[start + i]) i++;
          if (i === len) return entry - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
    const code = this.texts.length;
    // Only bytes that start like a BOM can decode to '' (cleaning drops BOMs): those are decoded now, so
    // that whether a row holds anything is known while reading.
    this.texts.push(src[start] === 0xef ? this.decode(start, end, plain) : undefined);
    if (this.poolUsed + len > pool.length) {
      const b = new Uint8Array(Math.max(pool.length * 2, this.poolUsed + len));
      b.set(pool);
      this.pool = b;
    }
    this.pool.set(src.subarray(start, end), this.poolUsed);
    this.note(code, this.poolUsed, len, start, plain);
    this.poolUsed += len;
    table[slot << 1] = code + 1;
    table[(slot << 1) + 1] = hash;
    if (this.texts.length * 4 > this.table.length) this.grow();
    return code;
  }

  /** The code of a text read through the quoted path. */
  codeOfText(text: string): number {
    if (text === '') return 0;
    this.byText ??= new Map();
    let code = this.byText.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      this.note(code, -1, -1, -1, false);
      this.byText.set(text, code);
    }
    return code;
  }

  setCode(row: number, code: number): void {
    if (row >= this.codes.length) {
      const b = new Int32Array(Math.max(this.codes.length * 2, row + 1));
      b.set(this.codes);
      this.codes = b;
    }
    this.codes[row] = code;
  }

  /** Takes back what a row wrote (a line that turned out to hold a quote). */
  clear(row: number): void {
    if (this.distinct) this.hold(row, '');
    else if (row < this.codes.length) this.codes[row] = 0;
  }

  /** A row's text held as it is. */
  hold(row: number, text: string): void {
    this.setSpan(row, 0, 0, false);
    if (text === '') this.held.delete(row);
    else this.held.set(row, text);
  }

  /** A row's bytes, decoded when read. */
  setSpan(row: number, start: number, end: number, plain: boolean): void {
    let spans = this.spans;
    if (row * 2 + 1 >= spans.length) {
      const n = Math.max(spans.length * 2, row * 2 + 2);
      const b = new Int32Array(n);
      b.set(spans);
      this.spans = spans = b;
      const p = new Uint8Array(n >> 1);
      p.set(this.plainRows);
      this.plainRows = p;
    }
    spans[row * 2] = start;
    spans[row * 2 + 1] = end;
    this.plainRows[row] = plain ? 1 : 0;
  }

  /**
   * After SAMPLE rows: a column of mostly distinct values keeps its rows' bytes instead of a dictionary.
   * A row read so far points at its code's first bytes in the file, the same bytes as its own; a text that
   * has no bytes to point at, or bytes that may not wait (`lazyOk`), is held as text.
   */
  decide(rows: number, lazyOk: (start: number) => boolean): void {
    if (this.texts.length <= rows * 0.9) return;
    const capacity = Math.max(this.expected, rows * 2);
    const { codes, entries } = this;
    this.distinct = true;
    this.spans = new Int32Array(capacity * 2);
    this.plainRows = new Uint8Array(capacity);
    for (let r = 0; r < rows; r++) {
      const code = codes[r]!;
      if (this.empty(code)) continue;
      const at = code * ENTRY;
      const start = entries[at + 2]!;
      const plain = entries[at + 3] === 1;
      if (start >= 0 && (plain || lazyOk(start))) this.setSpan(r, start, start + entries[at + 1]!, plain);
      else this.held.set(r, this.text(code));
    }
    this.codes = new Int32Array(0);
    this.table = this.entries = new Int32Array(0);
    this.pool = new Uint8Array(0);
    this.texts = [''];
    this.byText = null;
  }

  done(rows: number): TextColumn {
    if (this.distinct) {
      const { spans, plainRows, held, decode } = this;
      const textOf = (r: number): string => {
        if (r < 0 || r >= rows) return '';
        const e = spans[r * 2 + 1]!;
        const s = spans[r * 2]!;
        return e > s ? decode(s, e, plainRows[r] === 1) : (held.get(r) ?? '');
      };
      return { codes: null, dict: [''], textOf };
    }
    if (this.codes.length < rows) this.setCode(rows - 1, 0);
    const codes = this.codes.subarray(0, rows);
    const texts = this.texts.map((_, code) => this.text(code));
    // Bytes that differ can decode to one text: a value met quoted and unquoted, BOMs that cleaning drops
    // (bytes of nothing but BOMs read as ''), two damaged sequences. Each text keeps one code, as the
    // text path gives it, so that a code stands for a value wherever codes are compared.
    const codeOf = new Map<string, number>([['', 0]]);
    const renumber = new Int32Array(texts.length);
    const dict = [''];
    for (let c = 1; c < texts.length; c++) {
      const t = texts[c]!;
      let to = codeOf.get(t);
      if (to === undefined) codeOf.set(t, (to = dict.push(t) - 1));
      renumber[c] = to;
    }
    if (dict.length < texts.length) for (let r = 0; r < rows; r++) codes[r] = renumber[codes[r]!]!;
    return { codes, dict, textOf: null };
  }
}

export interface ColumnsRead {
  columns: TextColumns;
  delimiter: string;
  /** Any cell holds U+FFFD. */
  damaged: boolean;
}

/**
 * Where the line after a CR at `i` starts: past an LF that follows it, even with BOMs between (the text
 * path drops every BOM before it splits, which joins such a CR and LF into one CRLF).
 */
function afterCr(b: Uint8Array, i: number, utf8: boolean): number {
  let j = i + 1;
  if (utf8) while (b[j] === 0xef && b[j + 1] === 0xbb && b[j + 2] === 0xbf) j += 3;
  return b[j] === LF ? j + 1 : i + 1;
}

/** Line boundaries from byte `pos`: [start, end) of the line, and where the next line starts (-1 at the end). */
function lineAt(b: Uint8Array, pos: number, utf8: boolean): [number, number, number] {
  const n = b.length;
  let i = pos;
  while (i < n) {
    const c = b[i]!;
    if (c === LF) return [pos, i, i + 1];
    if (c === CR) return [pos, i, afterCr(b, i, utf8)];
    i++;
  }
  return [pos, n, -1];
}

/** Scans lines of bytes into columns; one object so that the hot loop reads fields, not closures. */
class ByteReader {
  readonly cols: ColumnBuilder[] = [];
  /** How many rows the file is expected to hold (from its first lines), so that arrays rarely grow. */
  expectedRows = 1024;
  widths = new Int32Array(1024);
  /** Whether the columns have decided whether they are mostly distinct (after SAMPLE rows). */
  decided = false;
  rows = 0;
  lastFilled = -1;
  cells = 0;
  damaged = false;
  private readonly decoder: TextDecoder;
  readonly utf8: boolean;

  /**
   * UTF-8 without a malformed sequence: a lead byte of three is always followed by its two continuation
   * bytes, so the scan may step over them (no delimiter can hide there).
   */
  readonly wellFormed: boolean;

  constructor(
    readonly buf: Buffer,
    readonly encoding: Encoding,
    bytes: Uint8Array,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    this.utf8 = encoding === 'utf-8';
    this.wellFormed = this.utf8 && validUtf8(bytes);
  }

  /** Bytes as text, as decoding the whole file and cleaning it gives them. */
  readonly decode = (s: number, e: number, plain: boolean): string => {
    if (plain) return latin1(this.buf, s, e);
    const t = cleanDecoded(this.decoder.decode(this.buf.subarray(s, e)), this.encoding);
    if (t.includes('\ufffd')) this.damaged = true;
    return t;
  };

  decodeAny(s: number, e: number): string {
    let plain = true;
    for (let i = s; i < e && plain; i++) {
      const c = this.buf[i]!;
      plain = c !== 0 && c < 0x80;
    }
    return this.decode(s, e, plain);
  }

  /** Whether the file holds no byte that decodes to damage (checked once, when first needed). */
  private clean: boolean | null = null;

  /**
   * Non-ASCII bytes may wait to be decoded when nothing in them can be damage (valid UTF-8, no U+FFFD or
   * NUL anywhere in the file) and they cannot decode to '' (nothing but BOMs, which cleaning drops).
   */
  readonly lazyOk = (s: number): boolean => {
    const b = this.buf;
    if (b[s] === 0xef && b[s + 1] === 0xbb && b[s + 2] === 0xbf) return false;
    this.clean ??= this.wellFormed && b.indexOf(REPLACEMENT) < 0 && b.indexOf(0) < 0;
    return this.clean;
  };

  private column(c: number): ColumnBuilder {
    return (this.cols[c] ??= new ColumnBuilder(this.buf, this.expectedRows, this.decode));
  }

  private startRow(count: number, line: number): void {
    if (count > LIMITS.columns) throw new InputError(READ_ERRORS.tooManyColumns(line));
    this.cells += count;
    if (this.cells > LIMITS.cells) throw new InputError(READ_ERRORS.tooManyCells('', '', LIMITS.cells));
    if (this.rows + 1 > LIMITS.rows) throw new InputError(READ_ERRORS.tooManyRows);
    if (this.rows >= this.widths.length) {
      const w = new Int32Array(this.widths.length * 2);
      w.set(this.widths);
      this.widths = w;
    }
    this.widths[this.rows] = count;
  }

  /** A row read: counted, and the last one with something in it noted. */
  private countRow(filled: boolean): void {
    if (filled) this.lastFilled = this.rows;
    this.rows++;
  }

  /** SAMPLE rows are read and the columns have not decided yet whether they are mostly distinct. */
  get decisionDue(): boolean {
    return !this.decided && this.rows === SAMPLE;
  }

  /** When due, each column decides whether it is mostly distinct; true when they just did. */
  decideIfDue(): boolean {
    if (!this.decisionDue) return false;
    this.decided = true;
    for (const c of this.cols) c?.decide(this.rows, this.lazyOk);
    return true;
  }

  /** Sizes the arrays for about `rows` rows. */
  expect(rows: number): void {
    this.expectedRows = rows;
    if (this.widths.length < rows) this.widths = new Int32Array(rows);
  }

  /** Physical lines read so far, the "sep=" line included (error messages name lines as an editor shows them). */
  line = 0;

  /**
   * Reads lines from `pos` for as long as they hold no quote. Returns -1 after the last line; the start of a
   * line that holds a quote (what it wrote of that row is taken back, the line is not counted, and the text
   * path reads it); or, once, where it stopped for the columns to decide (`decided` is false). One long
   * loop rather than a call per line, so that it is optimised once, early.
   */
  plainLines(pos: number, dc: number, lineLimit: number): number {
    const buf = this.buf;
    const n = buf.length;
    const step = this.wellFormed;
    lines: while (pos >= 0) {
      // The columns decide at SAMPLE rows outside this loop, which then runs on as optimised.
      if (this.decisionDue) return pos;
      if (++this.line >= lineLimit) throw new InputError(READ_ERRORS.tooManyRows);
      const row = this.rows;
      let k = 0;
      let fieldStart = pos;
      let hash = FNV_OFFSET;
      let plain = true;
      let filled = false;
      for (let i = pos; ; i++) {
        const c = i < n ? buf[i]! : -1;
        // Thai text is nearly all bytes of 0x80 and above: none of them ends a field.
        if (c >= 0x80) {
          plain = false;
          if (step && c >= 0xe0 && c < 0xf0) {
            // A Thai character (three bytes): one step, its bytes hashed together.
            hash = Math.imul(hash ^ ((c << 16) | (buf[i + 1]! << 8) | buf[i + 2]!), FNV_PRIME);
            i += 2;
          } else hash = Math.imul(hash ^ c, FNV_PRIME);
          continue;
        }
        if (c === dc || c === LF || c === CR || c < 0) {
          // The field [fieldStart, i) is complete: into its column.
          const col = this.cols[k] ?? this.column(k);
          if (col.distinct) {
            if (i === fieldStart) col.hold(row, '');
            else if (plain || this.lazyOk(fieldStart)) {
              col.setSpan(row, fieldStart, i, plain);
              filled = true;
            } else {
              const text = this.decode(fieldStart, i, plain);
              col.hold(row, text);
              if (text !== '') filled = true;
            }
          } else {
            const code = i === fieldStart ? 0 : col.codeOf(hash, fieldStart, i, plain);
            col.setCode(row, code);
            if (!col.empty(code)) filled = true;
          }
          k++;
          if (c === dc) {
            // A line of a million delimiters is refused without being split further.
            if (k > LIMITS.columns) throw new InputError(READ_ERRORS.tooManyColumns(this.line));
            fieldStart = i + 1;
            hash = FNV_OFFSET;
            plain = true;
            continue;
          }
          this.startRow(k, this.line);
          this.countRow(filled);
          pos = c < 0 ? -1 : c === CR ? afterCr(buf, i, this.utf8) : i + 1;
          continue lines;
        }
        if (c === QUOTE) {
          for (let j = 0; j < k; j++) this.cols[j]!.clear(row);
          this.line--;
          return pos;
        }
        if (c === 0) plain = false;
        hash = Math.imul(hash ^ c, FNV_PRIME);
      }
    }
    return -1;
  }

  /** A row read through the text path (a quoted record). */
  textRow(fields: readonly string[], line: number): void {
    this.startRow(fields.length, line);
    let filled = false;
    for (let k = 0; k < fields.length; k++) {
      const col = this.column(k);
      const text = fields[k]!;
      if (col.distinct) col.hold(this.rows, text);
      else col.setCode(this.rows, col.codeOfText(text));
      if (text !== '') filled = true;
    }
    this.countRow(filled);
    this.decideIfDue();
  }
}

/**
 * Reads `bytes` (UTF-8 or Windows-874, a UTF-8 BOM skipped) into columns; null when the delimiter is
 * not a single ASCII character (the text path reads such files).
 */
export function readCsvColumns(bytes: Uint8Array, encoding: Encoding, forced?: string): ColumnsRead | null {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new ByteReader(buf, encoding, bytes);
  const utf8 = reader.utf8;
  const start = utf8 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const lineLimit = LIMITS.rows * 4;

  // The first lines, decoded, decide the delimiter and the table's width as the text path does.
  const head: string[] = [];
  let headEnd = buf.length;
  for (let pos = start, k = 0; k < 101; k++) {
    const [s, e, next] = lineAt(buf, pos, utf8);
    head.push(reader.decodeAny(s, e));
    headEnd = next < 0 ? buf.length : next;
    if (next < 0) break;
    pos = next;
  }
  const { from, d, width } = layoutOf(head, forced);
  // Rows the file holds, about, from its first lines' length: the arrays are made that long once.
  const headBytes = Math.max(1, headEnd - start);
  reader.expect(Math.min(LIMITS.rows + 1, Math.ceil(((buf.length - start) / headBytes) * head.length * 1.1) + 16));
  const dc = d.charCodeAt(0);
  if (d.length !== 1 || dc >= 0x80 || dc === QUOTE || dc === CR || dc === LF) return null;

  reader.line = from;
  let pos = from ? lineAt(buf, start, utf8)[2] : start;
  while (pos >= 0) {
    pos = reader.plainLines(pos, dc, lineLimit);
    if (pos < 0) break;
    if (reader.decideIfDue()) continue;
    // The text path for this record: its line and the few after it that a quoted cell may span.
    const lines: string[] = [];
    const ends: number[] = [];
    for (let p = pos, k = 0; k <= MAX_QUOTED_LINES + 1 && p >= 0; k++) {
      const [s, e, nx] = lineAt(buf, p, utf8);
      lines.push(reader.decodeAny(s, e));
      ends.push(nx);
      p = nx;
    }
    const rec = quotedRecord(lines, 0, d, width);
    const used = rec ? rec.end : 0;
    const line = (reader.line += used + 1);
    if (line >= lineLimit) throw new InputError(READ_ERRORS.tooManyRows);
    reader.textRow(rec ? rec.fields : lines[0]!.split(d, SPLIT_LIMIT), line);
    pos = ends[used]!;
  }
  // Blank lines at the end are not rows of the roster (blank lines inside it keep row numbers right).
  const kept = reader.lastFilled + 1;
  // Before `damaged` is read: the dictionaries' texts are decoded here.
  const columns = reader.cols.map((c) => c.done(kept));
  return {
    columns: { rows: kept, widths: reader.widths.subarray(0, kept), columns },
    delimiter: d,
    damaged: reader.damaged,
  };
}
