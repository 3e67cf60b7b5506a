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
import { cleanDecoded, type Encoding } from './decode';
import { InputError, LIMITS, READ_ERRORS } from './input-error';
import { detectDelimiter, MAX_QUOTED_LINES, quotedRecord, SPLIT_LIMIT } from './csv-split';

const CR = 13;
const LF = 10;
const QUOTE = 34;
/** Rows read before a column decides whether it is mostly distinct (as the analysis samples). */
const SAMPLE = 8192;
/** FNV-1a, 32 bits. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

type Decode = (start: number, end: number, plain: boolean) => string;

/** ASCII bytes as text: Buffer's own latin1 slice, the fastest way Node has. */
const latin1 = (b: Buffer, s: number, e: number): string =>
  (b as unknown as { latin1Slice(s: number, e: number): string }).latin1Slice(s, e);

/** One column's dictionary of byte strings, then of texts; or its texts row by row. */
class ColumnBuilder {
  codes = new Int32Array(1024);
  dict: string[] = [''];
  texts: Array<string | undefined> | null = null;
  /** Open addressing: code + 1 per slot, 0 free. */
  private table = new Int32Array(64);
  private hashes = new Int32Array(64);
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  /** Texts that came through the quoted path, which have no bytes of their own to compare. */
  private byText: Map<string, number> | null = null;

  constructor(private readonly src: Uint8Array) {}

  private insertSlot(hash: number, code: number): void {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = code + 1;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    // Code 0 ('') and texts from the quoted path are never looked up by their bytes.
    for (let code = 1; code < this.dict.length; code++)
      if (this.starts[code]! >= 0) this.insertSlot(this.hashes[code]!, code);
  }

  private note(code: number, hash: number, start: number, end: number): void {
    if (code >= this.hashes.length) {
      const n = this.hashes.length * 2;
      const more = (a: Int32Array) => {
        const b = new Int32Array(n);
        b.set(a);
        return b;
      };
      this.hashes = more(this.hashes);
      this.starts = more(this.starts);
      this.ends = more(this.ends);
    }
    this.hashes[code] = hash;
    this.starts[code] = start;
    this.ends[code] = end;
  }

  /** The code of bytes [start, end) (not empty) with FNV hash `hash`, decoded with `decode` when new. */
  codeOf(hash: number, start: number, end: number, plain: boolean, decode: Decode): number {
    const src = this.src;
    const mask = this.table.length - 1;
    const len = end - start;
    let slot = hash & mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const code = entry - 1;
      if (this.hashes[code] === hash) {
        const s = this.starts[code]!;
        if (this.ends[code]! - s === len) {
          let i = 0;
          while (i < len && src[s + i] === src[start + i]) i++;
          if (i === len) return code;
        }
      }
      slot = (slot + 1) & mask;
    }
    const code = this.dict.length;
    this.dict.push(decode(start, end, plain));
    this.note(code, hash, start, end);
    this.table[slot] = code + 1;
    if (this.dict.length * 2 > this.table.length) this.grow();
    return code;
  }

  /** The code of a text read through the quoted path. */
  codeOfText(text: string): number {
    if (text === '') return 0;
    this.byText ??= new Map();
    let code = this.byText.get(text);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(text);
      this.note(code, 0, -1, -1);
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

  /** After SAMPLE rows: a column of mostly distinct values keeps a text per row instead. */
  decide(rows: number): void {
    if (this.dict.length <= rows * 0.9) return;
    const texts: Array<string | undefined> = new Array(rows);
    for (let r = 0; r < rows; r++) texts[r] = this.dict[this.codes[r]!];
    this.texts = texts;
    this.table = new Int32Array(0);
    this.byText = null;
  }

  done(rows: number): TextColumn {
    if (this.codes.length < rows) this.setCode(rows - 1, 0);
    if (this.texts) {
      this.texts.length = rows;
      return { codes: null, dict: [''], texts: this.texts };
    }
    return { codes: this.codes.subarray(0, rows), dict: this.dict, texts: null };
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
  widths = new Int32Array(1024);
  rows = 0;
  lastFilled = -1;
  cells = 0;
  damaged = false;
  // One line's fields before they are committed: bounds, hash, all-ASCII.
  private fs = new Int32Array(64);
  private fe = new Int32Array(64);
  private fh = new Int32Array(64);
  private fp = new Uint8Array(64);
  private readonly decoder: TextDecoder;
  readonly utf8: boolean;

  constructor(
    readonly buf: Buffer,
    readonly encoding: Encoding,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    this.utf8 = encoding === 'utf-8';
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

  private column(c: number): ColumnBuilder {
    return (this.cols[c] ??= new ColumnBuilder(this.buf));
  }

  private grow(): void {
    const twice = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    const n = this.fs.length * 2;
    this.fs = twice(this.fs, new Int32Array(n));
    this.fe = twice(this.fe, new Int32Array(n));
    this.fh = twice(this.fh, new Int32Array(n));
    this.fp = twice(this.fp, new Uint8Array(n));
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

  private endRow(filled: boolean): void {
    if (filled) this.lastFilled = this.rows;
    this.rows++;
    if (this.rows === SAMPLE) for (const c of this.cols) c?.decide(this.rows);
  }

  /**
   * Reads the line at `pos` (physical line number `line`, 1-based) if it holds no quote: returns where
   * the next line starts (-1 after the last), or -2 when the line holds a quote and was left unread.
   */
  plainLine(pos: number, dc: number, line: number): number {
    const buf = this.buf;
    const n = buf.length;
    let count = 0;
    let fieldStart = pos;
    let hash = FNV_OFFSET;
    let plain = 1;
    let next = -1;
    let i = pos;
    for (; i < n; i++) {
      const c = buf[i]!;
      if (c === dc || c === LF || c === CR) {
        if (count === this.fs.length) this.grow();
        this.fs[count] = fieldStart;
        this.fe[count] = i;
        this.fh[count] = hash;
        this.fp[count] = plain;
        count++;
        if (c !== dc) {
          next = c === CR ? afterCr(buf, i, this.utf8) : i + 1;
          break;
        }
        // A line of a million delimiters is refused without being split further.
        if (count > LIMITS.columns) throw new InputError(READ_ERRORS.tooManyColumns(line));
        fieldStart = i + 1;
        hash = FNV_OFFSET;
        plain = 1;
      } else if (c === QUOTE) return -2;
      else {
        if (c === 0 || c >= 0x80) plain = 0;
        hash = Math.imul(hash ^ c, FNV_PRIME);
      }
    }
    if (i >= n) {
      if (count === this.fs.length) this.grow();
      this.fs[count] = fieldStart;
      this.fe[count] = n;
      this.fh[count] = hash;
      this.fp[count] = plain;
      count++;
    }
    this.startRow(count, line);
    const { fs, fe, fh, fp, rows } = this;
    let filled = false;
    for (let k = 0; k < count; k++) {
      const col = this.cols[k] ?? this.column(k);
      const s = fs[k]!;
      const e = fe[k]!;
      if (col.texts !== null) {
        const text = e === s ? '' : this.decode(s, e, fp[k] === 1);
        col.texts[rows] = text;
        if (text !== '') filled = true;
      } else if (e !== s) {
        const code = col.codeOf(fh[k]!, s, e, fp[k] === 1, this.decode);
        col.setCode(rows, code);
        if (col.dict[code] !== '') filled = true;
      } else col.setCode(rows, 0);
    }
    this.endRow(filled);
    return next;
  }

  /** A row read through the text path (a quoted record). */
  textRow(fields: readonly string[], line: number): void {
    this.startRow(fields.length, line);
    let filled = false;
    for (let k = 0; k < fields.length; k++) {
      const col = this.column(k);
      const text = fields[k]!;
      if (col.texts) col.texts[this.rows] = text;
      else col.setCode(this.rows, col.codeOfText(text));
      if (text !== '') filled = true;
    }
    this.endRow(filled);
  }
}

/**
 * Reads `bytes` (UTF-8 or Windows-874, a UTF-8 BOM skipped) into columns; null when the delimiter is
 * not a single ASCII character (the text path reads such files).
 */
export function readCsvColumns(bytes: Uint8Array, encoding: Encoding, forced?: string): ColumnsRead | null {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new ByteReader(buf, encoding);
  const utf8 = reader.utf8;
  const start = utf8 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const lineLimit = LIMITS.rows * 4;

  // The first lines, decoded, decide the delimiter and the table's width as the text path does.
  const head: string[] = [];
  for (let pos = start, k = 0; k < 101; k++) {
    const [s, e, next] = lineAt(buf, pos, utf8);
    head.push(reader.decodeAny(s, e));
    if (next < 0) break;
    pos = next;
  }
  const hint = /^sep=(.)$/i.exec(head[0] ?? '');
  const from = hint ? 1 : 0;
  const d = forced ?? hint?.[1] ?? detectDelimiter(from ? head.slice(1, 101) : head.slice(0, 100));
  const dc = d.charCodeAt(0);
  if (d.length !== 1 || dc >= 0x80 || dc === QUOTE || dc === CR || dc === LF) return null;
  let width = 1;
  for (let i = from; i < head.length && i < from + 100; i++)
    width = Math.max(width, head[i]!.split(d, SPLIT_LIMIT).length);

  // Physical lines read, the "sep=" line included (error messages name lines as an editor shows them).
  let line = from;
  let pos = from ? lineAt(buf, start, utf8)[2] : start;
  while (pos >= 0) {
    if (++line >= lineLimit) throw new InputError(READ_ERRORS.tooManyRows);
    const next = reader.plainLine(pos, dc, line);
    if (next !== -2) {
      pos = next;
      continue;
    }
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
    line += used;
    if (line >= lineLimit) throw new InputError(READ_ERRORS.tooManyRows);
    reader.textRow(rec ? rec.fields : lines[0]!.split(d, SPLIT_LIMIT), line);
    pos = ends[used]!;
  }
  // Blank lines at the end are not rows of the roster (blank lines inside it keep row numbers right).
  const kept = reader.lastFilled + 1;
  return {
    columns: {
      rows: kept,
      widths: reader.widths.subarray(0, kept),
      columns: reader.cols.map((c) => c.done(kept)),
    },
    delimiter: d,
    damaged: reader.damaged,
  };
}
