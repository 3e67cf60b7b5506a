/**
 * Writes fixes into a copy of an xlsx: the zip is opened, only the fixed <c> elements of the sheet
 * XML are rewritten (texts as inline strings, numbers as <v>), a citizen ID cell gets a copy of its
 * style with the Text number format (@), and every other part, cell, style and sheet is kept as it
 * was. Shared strings are never edited: another cell may use the same one. A cell holding a formula
 * is left alone (its value is computed) and reported.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Fix } from '../core/fixes';
import { columnIndex } from '../core/headers';
import { tagsNamed } from './xml';

/** Excel's built-in number format "@" (Text). */
const TEXT_FORMAT = 49;
/** A fixed time for the zip entries, so the same input and fixes give the same bytes. */
const ZIP_TIME = new Date(2000, 0, 1);

export interface XlsxFixResult {
  bytes: Uint8Array;
  /** Fixes written. */
  written: Fix[];
  /** Fixes left out: the cell holds a formula, or was not found in the sheet XML. */
  skipped: Array<{ fix: Fix; why: 'formula' | 'missing' }>;
}

/** "worksheets/sheet1.xml" seen from "xl/workbook.xml" → "xl/worksheets/sheet1.xml". */
function resolvePath(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const p of target.replace(/\\/g, '/').split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** The zip's name for a part, whatever its case. */
function entryName(files: Record<string, Uint8Array>, path: string): string | undefined {
  const want = path.replace(/^\/+/, '').toLowerCase();
  return Object.keys(files).find((k) => k.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase() === want);
}

function relsOf(files: Record<string, Uint8Array>, part: string): Array<{ id: string; type: string; target: string }> {
  const dir = part.split('/').slice(0, -1).join('/');
  const name = entryName(files, `${dir ? `${dir}/` : ''}_rels/${part.split('/').pop()}.rels`);
  if (!name) return [];
  return tagsNamed(strFromU8(files[name]!), 'Relationship')
    .filter((a) => a.get('TargetMode') !== 'External')
    .map((a) => ({
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      target: resolvePath(part, a.get('Target') ?? ''),
    }));
}

/** Sheet name → the zip entry of its XML, and the styles part. */
function locate(files: Record<string, Uint8Array>) {
  const office = relsOf(files, '').find((r) => r.type.endsWith('/officeDocument'));
  const wbPath = office?.target ?? 'xl/workbook.xml';
  const wbName = entryName(files, wbPath);
  const sheets = new Map<string, string>();
  if (!wbName) return { sheets, styles: undefined };
  const rels = relsOf(files, wbPath);
  for (const a of tagsNamed(strFromU8(files[wbName]!), 'sheet')) {
    const rel = rels.find((r) => r.id === (a.get('r:id') ?? a.get('id')));
    const name = rel && entryName(files, rel.target);
    if (name) sheets.set(a.get('name') ?? '', name);
  }
  const stylesRel = rels.find((r) => r.type.endsWith('/styles'));
  return { sheets, styles: entryName(files, stylesRel?.target ?? 'xl/styles.xml') };
}

/** XML text with OOXML's escapes: & < > always, control characters and a literal "_xHHHH_" as _xHHHH_. */
export function xmlEscape(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold are the point
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

/**
 * The styles part's cell formats (cellXfs), to which a Text-format copy of a style is added on demand.
 * Anything unexpected in the part and styles are kept as they are.
 */
class TextStyles {
  private readonly xml: string | null;
  private readonly block: RegExpExecArray | null;
  private readonly xfs: string[] = [];
  private readonly added: string[] = [];
  private readonly made = new Map<number, number>();

  constructor(xml: string | null) {
    this.xml = xml;
    this.block = xml ? /<((?:[\w.-]+:)?)cellXfs\b([^>]*)>([\s\S]*?)<\/\1cellXfs>/.exec(xml) : null;
    if (this.block) {
      const p = this.block[1]!;
      const re = new RegExp(`<${p}xf\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${p}xf>)`, 'g');
      this.xfs = this.block[3]!.match(re) ?? [];
    }
  }

  /** The index of a style like `s` but showing its value as text; `s` itself when it already does or cannot be copied. */
  textOf(s: number): number {
    const xf = this.xfs[s];
    if (!xf) return s;
    const id = /\snumFmtId\s*=\s*["'](\d+)["']/.exec(xf);
    if (id && Number(id[1]) === TEXT_FORMAT) return s;
    let made = this.made.get(s);
    if (made === undefined) {
      let copy = id
        ? xf.replace(id[0], ` numFmtId="${TEXT_FORMAT}"`)
        : xf.replace(/^<([\w.:-]+)/, `<$1 numFmtId="${TEXT_FORMAT}"`);
      copy = /\sapplyNumberFormat\s*=/.test(copy)
        ? copy.replace(/\sapplyNumberFormat\s*=\s*["'][^"']*["']/, ' applyNumberFormat="1"')
        : copy.replace(/^<([\w.:-]+)/, '<$1 applyNumberFormat="1"');
      made = this.xfs.length + this.added.length;
      this.added.push(copy);
      this.made.set(s, made);
    }
    return made;
  }

  /** The styles part with the added formats, or null when nothing was added. */
  result(): string | null {
    if (!this.added.length || !this.xml || !this.block) return null;
    const [whole, p, attrs, inner] = this.block as unknown as [string, string, string, string];
    const count = this.xfs.length + this.added.length;
    const newAttrs = /\scount\s*=/.test(attrs)
      ? attrs.replace(/\scount\s*=\s*["']\d*["']/, ` count="${count}"`)
      : `${attrs} count="${count}"`;
    const block = `<${p}cellXfs${newAttrs}>${inner}${this.added.join('')}</${p}cellXfs>`;
    return this.xml.slice(0, this.block.index) + block + this.xml.slice(this.block.index + whole.length);
  }
}

/** The fixes of one sheet written into its XML. */
function patchSheet(xml: string, fixes: readonly Fix[], styles: TextStyles, result: XlsxFixResult): string {
  const wanted = new Map(fixes.map((f) => [`${f.row}:${f.col}`, f]));
  const start = xml.search(/<(?:[\w.-]+:)?sheetData[\s>]/);
  const stop = xml.search(/<\/(?:[\w.-]+:)?sheetData>/);
  if (start < 0) {
    for (const fix of fixes) result.skipped.push({ fix, why: 'missing' });
    return xml;
  }
  const end = stop < 0 ? xml.length : stop;
  const tag = /<([\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>/g;
  tag.lastIndex = start;
  const parts: string[] = [];
  let copied = 0;
  let row = -1;
  let col = -1;
  for (let m = tag.exec(xml); m && m.index < end; m = tag.exec(xml)) {
    const [open, prefix = '', name, attrs] = m as unknown as [string, string | undefined, string, string];
    const ref = /\sr\s*=\s*["']([A-Za-z]*)(\d*)["']/.exec(attrs);
    if (name === 'row') {
      row = ref?.[2] ? Number(ref[2]) - 1 : row + 1;
      col = -1;
      continue;
    }
    if (ref?.[1]) {
      col = columnIndex(ref[1]);
      if (ref[2]) row = Number(ref[2]) - 1;
    } else col++;
    const fix = wanted.get(`${row}:${col}`);
    if (!fix) continue;
    wanted.delete(`${row}:${col}`);
    const selfClosing = attrs.endsWith('/');
    const closeTag = `</${prefix}c>`;
    const close = selfClosing ? -1 : xml.indexOf(closeTag, m.index + open.length);
    const inner = selfClosing || close < 0 ? '' : xml.slice(m.index + open.length, close);
    if (new RegExp(`<${prefix}f[\\s/>]`).test(inner)) {
      result.skipped.push({ fix, why: 'formula' });
      continue;
    }
    let kept = (selfClosing ? attrs.slice(0, -1) : attrs).replace(/\st\s*=\s*["'][^"']*["']/, '').trimEnd();
    if (fix.format === '@') {
      const s = /\ss\s*=\s*["'](\d+)["']/.exec(kept);
      const text = styles.textOf(s ? Number(s[1]) : 0);
      kept = s ? kept.replace(s[0], ` s="${text}"`) : text !== 0 ? `${kept} s="${text}"` : kept;
    }
    const p = prefix;
    const value =
      typeof fix.after === 'number'
        ? `<${p}c${kept}><${p}v>${fix.after}</${p}v></${p}c>`
        : `<${p}c${kept} t="inlineStr"><${p}is><${p}t${/^\s|\s$/.test(fix.after) ? ' xml:space="preserve"' : ''}>${xmlEscape(fix.after)}</${p}t></${p}is></${p}c>`;
    parts.push(xml.slice(copied, m.index), value);
    copied = selfClosing || close < 0 ? m.index + open.length : close + closeTag.length;
    tag.lastIndex = copied;
    result.written.push(fix);
  }
  for (const fix of wanted.values()) result.skipped.push({ fix, why: 'missing' });
  parts.push(xml.slice(copied));
  return parts.join('');
}

/** The xlsx's bytes with the fixes made (each fix names its sheet). */
export function fixXlsxBytes(bytes: Uint8Array, fixes: readonly Fix[]): XlsxFixResult {
  const result: XlsxFixResult = { bytes, written: [], skipped: [] };
  if (!fixes.length) return result;
  const files = unzipSync(bytes);
  const { sheets, styles: stylesName } = locate(files);
  const styles = new TextStyles(stylesName ? strFromU8(files[stylesName]!) : null);
  const bySheet = new Map<string, Fix[]>();
  for (const f of fixes) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  for (const [sheet, list] of bySheet) {
    const name = sheets.get(sheet);
    if (!name) {
      for (const fix of list) result.skipped.push({ fix, why: 'missing' });
      continue;
    }
    files[name] = strToU8(patchSheet(strFromU8(files[name]!), list, styles, result));
  }
  const newStyles = styles.result();
  if (newStyles !== null && stylesName) files[stylesName] = strToU8(newStyles);
  if (!result.written.length) return result;
  result.bytes = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime: ZIP_TIME }]])), {
    level: 6,
  });
  return result;
}
