/** Pins the xlsx writer: every cell kind and its style, escaping, sheet names, the package's parts, and base64 (issue 15). */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64, escapeXml, writeXlsx, type XlsxSheet } from './xlsx';

const parts = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
const sheetData = (sheet: XlsxSheet) =>
  /<sheetData>(.*)<\/sheetData>/s.exec(parts(writeXlsx([sheet]))['xl/worksheets/sheet1.xml']!)![1];
const text = (ref: string, t: string, s = 2) =>
  `<c r="${ref}" t="inlineStr" s="${s}"><is><t xml:space="preserve">${t}</t></is></c>`;

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<t>', '&lt;t&gt;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ["it's", "it's"],
    ['&amp;', '&amp;amp;'],
    ['ก\u0000ข\u0008ค\u000bง\u000cจ\u000eฉ\u001fช', 'กขคงจฉช'],
    ['tab\tnew\nline\rend', 'tab\tnew\nline\rend'],
    ['\ufffe\uffffx\ufffd', 'x\ufffd'],
    ['เลข 0123', 'เลข 0123'],
  ])('%j → %j', (s, xml) => expect(escapeXml(s)).toBe(xml));
});

describe('cells', () => {
  it('text as inline strings in the text style, so IDs stay text; numbers as numbers', () => {
    expect(sheetData({ name: 's', rows: [['0123456789012', 42, -1.5, 0]] })).toBe(
      `<row r="1">${text('A1', '0123456789012')}<c r="B1"><v>42</v></c><c r="C1"><v>-1.5</v></c><c r="D1"><v>0</v></c></row>`,
    );
  });
  it('no cell for null, undefined or empty text; a number that is not finite is written as text', () => {
    expect(sheetData({ name: 's', rows: [[null, undefined, '', 'x', NaN, Infinity]] })).toBe(
      `<row r="1">${text('D1', 'x')}${text('E1', 'NaN')}${text('F1', 'Infinity')}</row>`,
    );
    expect(sheetData({ name: 's', rows: [[], ['']] })).toBe('<row r="1"></row><row r="2"></row>');
  });
  it('bold rows and bold cells use the bold style; numbers in a bold row too', () => {
    const data = sheetData({
      name: 's',
      rows: [
        ['h', 1],
        [{ text: 'b', bold: true }, { text: 'p' }, { text: 'q', bold: false }],
        ['x', 2],
      ],
      boldRows: [0, 2],
    });
    expect(data).toBe(
      `<row r="1">${text('A1', 'h', 1)}<c r="B1" s="1"><v>1</v></c></row>` +
        `<row r="2">${text('A2', 'b', 1)}${text('B2', 'p')}${text('C2', 'q')}</row>` +
        `<row r="3">${text('A3', 'x', 1)}<c r="B3" s="1"><v>2</v></c></row>`,
    );
  });
  it('escapes what it writes, and names cells past column Z', () => {
    const row = Array.from({ length: 28 }, (_, i) => (i === 27 ? 'a<b>&"c"' : null));
    expect(sheetData({ name: 's', rows: [row] })).toBe(
      `<row r="1">${text('AB1', 'a&lt;b&gt;&amp;&quot;c&quot;')}</row>`,
    );
  });
});

describe('the workbook', () => {
  it('column widths, one per column, or none', () => {
    const xml = parts(writeXlsx([{ name: 's', rows: [], widths: [6, 12.5] }]))['xl/worksheets/sheet1.xml']!;
    expect(xml).toContain(
      '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="12.5" customWidth="1"/></cols>',
    );
    expect(parts(writeXlsx([{ name: 's', rows: [] }]))['xl/worksheets/sheet1.xml']).not.toContain('<cols>');
    expect(parts(writeXlsx([{ name: 's', rows: [], widths: [] }]))['xl/worksheets/sheet1.xml']).not.toContain('<cols>');
  });
  it.each([
    ['แบบขอแก้ไข', 'แบบขอแก้ไข'],
    ['a[b]c:d*e?f/g\\h', 'a b c d e f g h'],
    ['x'.repeat(40), 'x'.repeat(31)],
    ['', 'Sheet'],
    ['A & B', 'A &amp; B'],
  ])('sheet name %j is written %j', (name, written) => {
    expect(parts(writeXlsx([{ name, rows: [] }]))['xl/workbook.xml']).toContain(
      `<sheet name="${written}" sheetId="1" r:id="rId1"/>`,
    );
  });
  it('several sheets: each a part, listed in the content types, the workbook and its relations, styles after them', () => {
    const p = parts(
      writeXlsx([
        { name: 'a', rows: [['1']] },
        { name: 'b', rows: [['2']] },
      ]),
    );
    expect(Object.keys(p).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    for (const i of [1, 2]) {
      expect(p['[Content_Types].xml']).toContain(`<Override PartName="/xl/worksheets/sheet${i}.xml"`);
      expect(p['xl/_rels/workbook.xml.rels']).toContain(
        `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`,
      );
    }
    expect(p['xl/_rels/workbook.xml.rels']).toContain(
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    );
    expect(p['xl/workbook.xml']).toContain(
      '<sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/>',
    );
    expect(p['xl/worksheets/sheet2.xml']).toContain(text('A1', '2'));
  });
  afterEach(() => vi.useRealTimers());
  it('the same sheets give the same bytes, on any day', () => {
    const sheet = { name: 'ก', rows: [['x', 1]] };
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2027, 2, 20, 10, 0, 0));
    const first = writeXlsx([sheet]);
    vi.setSystemTime(new Date(2031, 7, 9, 17, 31, 7));
    expect(writeXlsx([sheet])).toEqual(first);
  });
  it('is a consistent package: every part has a content type, every relationship leads to a part', () => {
    const p = parts(
      writeXlsx([
        { name: 'a', rows: [['1']] },
        { name: 'b', rows: [[2]] },
        { name: 'c', rows: [] },
      ]),
    );
    const attrs = (xml: string, tag: string) =>
      [...xml.matchAll(new RegExp(`<${tag} ([^>]*)/>`, 'g'))].map((m) =>
        Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
      );
    const types = p['[Content_Types].xml']!;
    const defaults = new Map(attrs(types, 'Default').map((d) => [d.Extension, d.ContentType]));
    const overrides = new Map(attrs(types, 'Override').map((o) => [o.PartName, o.ContentType]));
    const typeOf = (path: string) => overrides.get(`/${path}`) ?? defaults.get(path.split('.').pop()!);
    const ml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    expect(typeOf('_rels/.rels')).toBe('application/vnd.openxmlformats-package.relationships+xml');
    expect(typeOf('xl/_rels/workbook.xml.rels')).toBe('application/vnd.openxmlformats-package.relationships+xml');
    expect(typeOf('xl/workbook.xml')).toBe(`${ml}.sheet.main+xml`);
    expect(typeOf('xl/styles.xml')).toBe(`${ml}.styles+xml`);
    for (const i of [1, 2, 3]) expect(typeOf(`xl/worksheets/sheet${i}.xml`)).toBe(`${ml}.worksheet+xml`);
    expect([...overrides.keys()].every((k) => p[k.slice(1)] !== undefined)).toBe(true);
    // The package's relationships lead to the workbook; the workbook's to each sheet, by its id, and the styles.
    const office = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    expect(attrs(p['_rels/.rels']!, 'Relationship')).toEqual([
      { Id: 'rId1', Type: `${office}/officeDocument`, Target: 'xl/workbook.xml' },
    ]);
    const rels = attrs(p['xl/_rels/workbook.xml.rels']!, 'Relationship');
    expect(new Set(rels.map((r) => r.Id)).size).toBe(rels.length);
    for (const r of rels) expect(p[`xl/${r.Target}`], r.Target).toBeDefined();
    expect(rels.filter((r) => r.Type === `${office}/styles`).map((r) => r.Target)).toEqual(['styles.xml']);
    const byId = new Map(rels.map((r) => [r.Id, r]));
    expect(attrs(p['xl/workbook.xml']!, 'sheet').map((s) => [s.name, byId.get(s['r:id']!)?.Target])).toEqual([
      ['a', 'worksheets/sheet1.xml'],
      ['b', 'worksheets/sheet2.xml'],
      ['c', 'worksheets/sheet3.xml'],
    ]);
    expect(rels.filter((r) => r.Type === `${office}/worksheet`)).toHaveLength(3);
    // Each part is one element closed at its end; the package parts hold elements only, no stray text.
    for (const [path, xml] of Object.entries(p)) {
      const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
      const root = /^<([\w:]+)[\s>]/.exec(body)?.[1];
      expect(body.endsWith(`</${root}>`), path).toBe(true);
      // Text lives only in cells, inside the sheet data.
      expect(body.replace(/<sheetData>.*<\/sheetData>/s, '').replace(/<[^>]*>/g, ''), path).toBe('');
    }
  });
  it('the styles: plain, bold text, text; each pointing at fonts and style records that exist', () => {
    const styles = parts(writeXlsx([{ name: 's', rows: [] }]))['xl/styles.xml']!;
    const count = (tag: string) => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(styles)?.[1]);
    const section = (tag: string) => new RegExp(`<${tag} count="\\d+">(.*?)</${tag}>`).exec(styles)![1]!;
    const fonts = section('fonts').match(/<font>.*?<\/font>/g)!;
    expect(fonts).toHaveLength(count('fonts'));
    expect(fonts.map((f) => f.includes('<b/>'))).toEqual([false, true]);
    expect(section('fills').match(/<fill>/g)).toHaveLength(count('fills'));
    expect(section('borders').match(/<border>/g)).toHaveLength(count('borders'));
    expect(section('cellStyleXfs').match(/<xf /g)).toHaveLength(count('cellStyleXfs'));
    const xfs = [...section('cellXfs').matchAll(/<xf ([^>]*)\/>/g)].map((m) =>
      Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
    );
    expect(xfs).toHaveLength(count('cellXfs'));
    expect(xfs.map((x) => [x.numFmtId, x.fontId])).toEqual([
      ['0', '0'],
      ['49', '1'],
      ['49', '0'],
    ]);
    for (const x of xfs) {
      expect(Number(x.fontId)).toBeLessThan(count('fonts'));
      expect(Number(x.xfId)).toBeLessThan(count('cellStyleXfs'));
      expect(Number(x.fillId)).toBeLessThan(count('fills'));
      expect(Number(x.borderId)).toBeLessThan(count('borders'));
    }
  });
  it('opens in a spreadsheet library with its values, text kept as text, bold where asked, widths set', async () => {
    const bytes = writeXlsx([
      {
        name: 'ฟอร์ม',
        rows: [
          ['หัว', 7],
          ['0012345678901', 3.25, { text: 'ตัวหนา', bold: true }],
        ],
        widths: [20, 8],
        boldRows: [0],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('ฟอร์ม')!;
    expect(ws.getCell('A2').value).toBe('0012345678901');
    expect(ws.getCell('B2').value).toBe(3.25);
    expect(ws.getCell('B1').value).toBe(7);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('C2').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getColumn(1).width).toBe(20);
  });
});

describe('bytesToBase64', () => {
  it.each([
    [[], ''],
    [[0], 'AA=='],
    [[255, 255], '//8='],
    [[77, 97, 110], 'TWFu'],
    [[251, 239, 190, 0], '++++AA=='],
  ])('%j → %j', (bytes, b64) => expect(bytesToBase64(new Uint8Array(bytes))).toBe(b64));
  it('agrees with the platform’s base64 on any bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        (bytes) => bytesToBase64(bytes) === Buffer.from(bytes).toString('base64'),
      ),
      { numRuns: 300 },
    );
  });
});
