/**
 * The CSV reader's byte scan (csv-columns.ts), compiled from scan.wat. WebAssembly reads only its own
 * memory, so a file to scan sits at the start of one: the command reads large files straight into it
 * (`scanBuffer`, prefetch.ts); any other bytes are copied there once.
 */
import { Buffer } from 'node:buffer';
import { LIMITS } from './input-error';
import { SCAN_WASM } from './scan-wasm';

/** After the file: where the line ended and its terminator, then four ints a field. */
const HEADER_INTS = 4;
const FIELD_INTS = 4;
/** The most fields a line can report: one past the column limit, which the reader then refuses. */
const MAX_FIELDS = LIMITS.columns + 1;
const PAGE = 65536;

let compiled: WebAssembly.Module | null = null;
const memories = new WeakMap<ArrayBuffer, WebAssembly.Memory>();

/** `size` bytes at the start of a fresh memory the scan can read, for a file to be read into. */
export function scanBuffer(size: number): Buffer {
  const bytes = fieldsAt(size) + 4 * (HEADER_INTS + FIELD_INTS * MAX_FIELDS);
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) });
  memories.set(memory.buffer, memory);
  return Buffer.from(memory.buffer, 0, size);
}

/** Where a line's fields are written: after the file, aligned. */
const fieldsAt = (size: number): number => (size + 15) & ~15;

/** Reads a file's lines, one at a time, into `fields`. */
export interface LineScanner {
  /** The file's bytes, where the scan reads them (spans point into these). */
  bytes: Buffer;
  /**
   * The fields of the line at `pos`: their count (-1 at a quote, -2 past the column limit). Then
   * `fields` holds where the line ended, its terminator (LF, CR, -1 at the end), and from `FIRST_FIELD`
   * each field's start, end, hash and whether it is plain ASCII (1).
   */
  scan(pos: number, delimiter: number, step: boolean): number;
  fields: Int32Array;
}

/** Index in `fields` of the first field's start. */
export const FIRST_FIELD = HEADER_INTS;

/** A scanner over `bytes`: in place when they were made by `scanBuffer`, else over a copy. */
export function lineScanner(bytes: Uint8Array): LineScanner {
  let memory = bytes.byteOffset === 0 ? memories.get(bytes.buffer as ArrayBuffer) : undefined;
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!memory) {
    buf = scanBuffer(bytes.length);
    buf.set(bytes);
    memory = memories.get(buf.buffer as ArrayBuffer)!;
  }
  compiled ??= new WebAssembly.Module(Buffer.from(SCAN_WASM, 'base64'));
  const instance = new WebAssembly.Instance(compiled, { env: { memory } });
  const run = instance.exports.scan as (...args: number[]) => number;
  const n = buf.length;
  const out = fieldsAt(n);
  const fields = new Int32Array(memory.buffer, out, HEADER_INTS + FIELD_INTS * MAX_FIELDS);
  return {
    bytes: buf,
    fields,
    scan: (pos, delimiter, step) => run(pos, n, delimiter, step ? 1 : 0, out, MAX_FIELDS),
  };
}
