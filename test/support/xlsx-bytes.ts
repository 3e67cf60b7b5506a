/**
 * Hand-made xlsx files for reader tests: the exact XML a case needs (far cells, odd types, namespace
 * prefixes, hostile merges) that no writer library would produce on request.
 */
import { strToU8, zipSync } from 'fflate';

export interface RawSheet {
  name: string;
  state?: 'hidden' | 'veryHidden';
  /** The inside of <sheetData>; '' writes an empty sheet as Excel does, <sheetData/>. */
  data: string;
  /** XML after </sheetData>, e.g. <mergeCells>. */
  after?: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  sst?: string[];
  /** Custom number formats by id (≥ 164). */
  numFmts?: Record<number, string>;
  /** numFmtId of each cell style (cellXfs), by style index. */
  xfs?: number[];
  date1904?: boolean;
  /** A namespace prefix for every SpreadsheetML element, as some generators write ("x"). */
  prefix?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function xlsxBytes(wb: RawWorkbook): Uint8Array {
  const p = wb.prefix ? `${wb.prefix}:` : '';
  const ns = wb.prefix
    ? `xmlns:${wb.prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
    : 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    ),
  };
  const sheetRels = wb.sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`));
  const extra = [rel('rIdS', 'sharedStrings', 'sharedStrings.xml'), rel('rIdT', 'styles', 'styles.xml')];
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[...sheetRels, ...extra].join('')}</Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0"?><${p}workbook ${ns} ${R}>${wb.date1904 ? `<${p}workbookPr date1904="1"/>` : `<${p}workbookPr/>`}<${p}sheets>${wb.sheets
      .map(
        (s, i) =>
          `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')}</${p}sheets></${p}workbook>`,
  );
  wb.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><${p}worksheet ${ns} ${R}>${s.data ? `<${p}sheetData>${s.data}</${p}sheetData>` : `<${p}sheetData/>`}${s.after ?? ''}</${p}worksheet>`,
    );
  });
  const sst = wb.sst ?? [];
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0"?><${p}sst ${ns} count="${sst.length}" uniqueCount="${sst.length}">${sst
      .map((t) => `<${p}si><${p}t xml:space="preserve">${esc(t)}</${p}t></${p}si>`)
      .join('')}</${p}sst>`,
  );
  const fmts = Object.entries(wb.numFmts ?? {});
  files['xl/styles.xml'] = strToU8(
    `<?xml version="1.0"?><${p}styleSheet ${ns}>` +
      (fmts.length
        ? `<${p}numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<${p}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</${p}numFmts>`
        : '') +
      `<${p}cellStyleXfs count="1"><${p}xf numFmtId="14"/></${p}cellStyleXfs>` +
      `<${p}cellXfs count="${(wb.xfs ?? [0]).length}">${(wb.xfs ?? [0]).map((id) => `<${p}xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</${p}cellXfs>` +
      `</${p}styleSheet>`,
  );
  return zipSync(files);
}

/** <row r="n"> holding the given cells' XML. */
export const row = (n: number, ...cells: string[]) => `<row r="${n}">${cells.join('')}</row>`;
/** A cell: inline string for text, number otherwise; `attrs` such as ' s="1"' or ' t="e"'. */
export function cell(ref: string, v: string | number, attrs = ''): string {
  if (typeof v === 'number') return `<c r="${ref}"${attrs}><v>${v}</v></c>`;
  return attrs
    ? `<c r="${ref}"${attrs}><v>${esc(v)}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
}
