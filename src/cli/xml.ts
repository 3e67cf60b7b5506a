/** The little XML an xlsx reader needs: entities, Excel's _xHHHH_ escapes, attributes, streamed text. */
import { InputError, LIMITS, READ_ERRORS } from './input-error';

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number): string {
  return n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? '\ufffd' : String.fromCodePoint(n);
}

/**
 * XML entities, then OOXML's escapes for characters XML cannot hold (_x000D_ is a carriage return;
 * _x005F_ is a literal underscore, so "_x005F_x000D_" stays "_x000D_").
 */
export function xmlText(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(ENTITY, (_, hex: string, dec: string, name: string) =>
      hex ? codePoint(parseInt(hex, 16)) : dec ? codePoint(Number(dec)) : NAMED[name]!,
    );
  }
  if (s.indexOf('_x') >= 0)
    s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** Attributes of one tag, keyed by their name without a namespace prefix (r:id → id). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!;
    out.set(name.slice(name.indexOf(':') + 1), xmlText(m[2] ?? m[3] ?? ''));
    // Keep the prefixed form too: sheetId and r:id differ only by it.
    if (name.includes(':')) out.set(name, xmlText(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** Every start tag named `local` (any namespace prefix), with its attributes. */
export function tagsNamed(xml: string, local: string): Array<Map<string, string>> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])([^>]*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => attributes(m[1]!));
}

/**
 * Hands `scan` the bytes of a streamed part cut just before a '<', so every tag and every text node in
 * what it gets is whole; the bytes after the last '<' wait for the next chunk. Scanning bytes, not
 * decoded text, keeps a 200,000-row sheet from ever becoming one string.
 */
export class ByteFeed {
  private carry: Uint8Array | null = null;
  constructor(private readonly scan: (b: Buffer, end: number) => void) {}

  push(chunk: Uint8Array): void {
    let b = chunk;
    if (this.carry) {
      b = new Uint8Array(this.carry.length + chunk.length);
      b.set(this.carry);
      b.set(chunk, this.carry.length);
    }
    const cut = b.lastIndexOf(60);
    if (cut <= 0) {
      if (b.length > LIMITS.xmlToken) throw new InputError(READ_ERRORS.cellTooBig);
      this.carry = b === chunk ? chunk.slice() : b;
      return;
    }
    if (b.length - cut > LIMITS.xmlToken) throw new InputError(READ_ERRORS.cellTooBig);
    this.scan(Buffer.from(b.buffer, b.byteOffset, b.length), cut);
    this.carry = b.slice(cut);
  }

  end(): void {
    const b = this.carry;
    this.carry = null;
    if (b?.length) this.scan(Buffer.from(b.buffer, b.byteOffset, b.length), b.length);
  }
}

/** Where a tag's local name (after any "x:" prefix) starts and ends, for a tag opening at `lt`. */
export interface TagAt {
  /** Index of '>'. */
  close: number;
  /** A closing tag (</x>). */
  end: boolean;
  /** Self-closing (<x/>). */
  empty: boolean;
  name0: number;
  name1: number;
}

export function tagAt(b: Uint8Array, lt: number, limit: number, out: TagAt): boolean {
  const close = b.indexOf(62, lt);
  if (close < 0 || close >= limit) return false;
  let p = lt + 1;
  const end = b[p] === 47;
  if (end) p++;
  let n0 = p;
  for (; p < close; p++) {
    const c = b[p]!;
    if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break;
    if (c === 58) n0 = p + 1;
  }
  out.close = close;
  out.end = end;
  out.empty = b[close - 1] === 47;
  out.name0 = n0;
  out.name1 = p;
  return true;
}

/** Is the tag's local name `name` (ASCII)? */
export function isNamed(b: Uint8Array, t: TagAt, name: string): boolean {
  if (t.name1 - t.name0 !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (b[t.name0 + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** Text between `from` and `to` as UTF-8, entities and _xHHHH_ escapes resolved. */
export function textAt(b: Buffer, from: number, to: number): string {
  return xmlText(b.toString('utf8', from, to));
}
