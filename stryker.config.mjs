// @ts-check
/**
 * `npm run mutate`: StrykerJS over the core with its own unit tests (issue 15). Not part of `npm test`: on two
 * shared cores seven modules with their own tests took about 40 minutes, every module with every core test
 * takes hours. Narrow it to a module and its tests with, e.g.
 *   STRYKER_TESTS='src/core/dates*.test.ts' npm run mutate -- --mutate src/core/dates.ts
 * Reports (html, json, clear text) go to reports/mutation/. Incremental mode reuses earlier results, but it
 * keeps a module-level ("static") mutant's "Survived" even after new tests would kill it: add --force after
 * adding tests.
 */
import os from 'node:os';
import path from 'node:path';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/**
 * Equivalent mutants: changes no test can see because behaviour cannot change, each with why. An entry names
 * one expression by its file, its exact source text and, where that text recurs, the source line holding it.
 * Stryker ignores mutants per expression, not per mutant, so only an expression all of whose mutants are
 * equivalent is ignored (`ignore: true`); the others stay in the score as survivors, listed here so that a
 * reader of the report knows them.
 * @type {Array<{ file: string; code: string; line?: string; ignore?: true; mutants: string; reason: string }>}
 */
export const EQUIVALENT = [
  {
    file: 'src/core/thai-id.ts',
    code: 'DIGITS13.test(input)',
    mutants: 'false',
    reason: "compact's fast path: 13 plain digits come out of the slow path unchanged too",
  },
  {
    file: 'src/core/text-columns.ts',
    code: 'new Array<string>(w)',
    ignore: true,
    mutants: 'new Array()',
    reason: 'rowOf writes every place 0 … w − 1, so a preallocated and a growing array end the same',
  },
  {
    file: 'src/core/lazy-array.ts',
    code: "''",
    line: "if (typeof p !== 'string' || p === '') return -1;",
    ignore: true,
    mutants: '"Stryker was here!"',
    reason: "lazyArray's indexOf: that text is no number either, so it is no index as before",
  },
  {
    file: 'src/core/lazy-array.ts',
    code: "p === ''",
    mutants: 'false',
    reason: "lazyArray's indexOf: Number('') is 0, whose canonical text '0' is not ''",
  },
  {
    file: 'src/core/lazy-array.ts',
    code: 'n >= 0',
    mutants: 'true',
    reason: "lazyArray's indexOf: every trap treats a negative index as no index, as it treats -1",
  },
  {
    file: 'src/core/lazy-array.ts',
    code: '[]',
    line: 'return new Proxy<T[]>([], {',
    ignore: true,
    mutants: '["Stryker was here"]',
    reason: "lazyArray: every trap answers indices and length itself, so the target's own elements never show",
  },
  {
    file: 'src/core/dense-ids.ts',
    code: 'expected * 2',
    ignore: true,
    mutants: 'expected / 2',
    reason: 'DenseIds: the first capacity only saves growing; the table grows to keep itself half empty anyway',
  },
  {
    file: 'src/core/dense-ids.ts',
    code: 'capacity < expected * 2',
    mutants: 'false, capacity <= expected * 2',
    reason: 'DenseIds: the first capacity only saves growing; the table grows to keep itself half empty anyway',
  },
  {
    file: 'src/core/dense-ids.ts',
    code: 'this.size * 2 > this.mask',
    mutants: 'this.size * 2 >= this.mask',
    reason: 'DenseIds: growing one key earlier keeps every number',
  },
  {
    file: 'src/core/dense-ids.ts',
    code: 'i < keys.length',
    mutants: 'i <= keys.length',
    reason: 'DenseIds.grow: the slot past the end has id undefined, stored as 0, which marks a free slot',
  },
  {
    file: 'src/core/dense-ids.ts',
    code: 'ids[i] === 0',
    mutants: 'false',
    reason: 'DenseIds.grow: a free slot moved over stays free (its id 0 moves with it)',
  },
  {
    file: 'src/core/engine.ts',
    code: "'|'",
    line: "const key = fields.join('|');",
    ignore: true,
    mutants: '""',
    reason: 'groupRules: no two sets of field names run together into the same text (checked over all 2^22 sets)',
  },
  {
    file: 'src/core/engine.ts',
    code: 'i < n',
    line: 'for (let i = 0; i < n; i++) {',
    mutants: 'i <= n (in runCellRules and in the direct table of runRowRules)',
    reason: 'a row past the end reads code undefined, which has no hits and names no combination',
  },
  {
    file: 'src/core/engine.ts',
    code: 'Math.max(...sizes) * 2 > n',
    mutants: 'false, Math.max(...sizes) / 2, Math.min(...sizes)',
    reason: 'runRowRules: a column of distinct values shares nothing, so sharing or not runs each rule once a row',
  },
  {
    file: 'src/core/engine.ts',
    code: 'space >= 2 ** 52',
    mutants: 'space > 2 ** 52',
    reason: 'runRowRules: a key of exactly 2^52 combinations is still exact',
  },
  {
    file: 'src/core/engine.ts',
    code: 'space <= DIRECT_SPACE',
    mutants: 'false, space < DIRECT_SPACE',
    reason: 'runRowRules: the hash table numbers combinations as the direct table does',
  },
  {
    file: 'src/core/engine.ts',
    code: 'i === SHARE_SAMPLE && results.length * 2 > i',
    mutants: 'false, results.length * 2 >= i, results.length / 2',
    reason: 'runRowRules: giving up sharing later or never changes how often a rule runs, not what it finds',
  },
  {
    file: 'src/core/engine.ts',
    code: 'n >= 0',
    line: 'if (n >= 0) {',
    mutants: 'false, n > 0, {}',
    reason: 'rosterOf: digitsKey is never 0, and a digit key numbered in the Map gets the same shared number',
  },
  {
    file: 'src/core/engine.ts',
    code: 'k > 0',
    mutants: 'true, k >= 0',
    reason: 'rosterOf.locate: the first sheet starts at 0, so the search stops there anyway',
  },
  {
    file: 'src/core/engine.ts',
    code: 'sheets.length === 1',
    mutants: 'false, {}',
    reason: 'rosterOf: the general path reads one sheet as the shortcut does',
  },
  {
    file: 'src/core/digits-key.ts',
    code: 'v * 10 + d, n * LENGTH + v',
    mutants: 'v * 10 - d, n * LENGTH - v',
    reason: 'digitsKey: digits of either sign still name each text of a length once, and lengths stay apart',
  },
  {
    file: 'src/core/analysis.ts',
    code: '/^(\\d+),(\\d+)$/',
    mutants: '/(\\d+),(\\d+)$/, /^(\\d+),(\\d+)/',
    reason: 'measure: the number test that follows is anchored at both ends, so a comma elsewhere is NaN either way',
  },
  {
    file: 'src/core/analysis.ts',
    code: 'values[from + i]?.[col]',
    mutants: 'values[from + i][col] (OptionalChaining, three places)',
    reason: 'encode: every row under the header exists (i < values.length − from)',
  },
  {
    file: 'src/core/analysis.ts',
    code: 'kept === n',
    mutants: 'false',
    reason: 'analyseSheet: with every row kept, picking the kept rows copies the same codes',
  },
  {
    file: 'src/core/analysis.ts',
    code: 'i < n',
    line: 'for (let i = 0; i < n; i++) {',
    mutants: 'i <= n (encodeColumn, dictionary column)',
    reason: 'encodeColumn: a row past the end reads code undefined, which names no value and writes no code',
  },
  {
    file: 'src/core/validate.ts',
    code: '!field',
    mutants: 'false',
    reason: 'columnOf: no field names no column, no name part and no grade, so null comes out all the same',
  },
  {
    file: 'src/core/validate.ts',
    code: 'known && known.value === value',
    mutants: 'false, and { value, msg } → {} in the memo',
    reason:
      "say: a rule's message for a hit and a value is the same each time it is made; the memo only saves making it",
  },
  {
    file: 'src/core/validate.ts',
    code: 'col !== null',
    mutants: 'true (in the value and the column of a finding), values[rowIndex]?.[col] → values[rowIndex][col]',
    reason: "finding: a null column reads no cell ('') and no header (null) either way; a student's row exists",
  },
  {
    file: 'src/core/validate.ts',
    code: 'own.length < sheets.length',
    mutants: 'true, own.length <= sheets.length',
    reason: 'checkWorkbook: filtering out no own sheets, or all of them, leaves the same sheets',
  },
  {
    file: 'src/core/validate.ts',
    code: "''",
    line: "const { findings, summary } = validateWorkbook({ sheets: [{ name: '', values }] }, settingsInput, options)",
    mutants: '"Stryker was here!"',
    reason:
      "validate: the one sheet's name names no grade and no download, and a single sheet's findings name no sheet",
  },
  {
    file: 'src/core/validate.ts',
    code: 'sources.length > 1',
    mutants: 'true, sources.length >= 1',
    reason: 'validateSources: an ID in one file alone is never in two files',
  },
  {
    file: 'src/core/validate.ts',
    code: 'id === null',
    mutants: 'false (each of the two, alone)',
    reason: 'validateSources: either test alone keeps invalid IDs out of the files-by-ID table and its look-up',
  },
  {
    file: 'src/core/dates.ts',
    code: 'key.length >= 3',
    mutants: 'true, key.length > 3',
    reason: 'a key of 3 characters or fewer is its own 3-letter prefix, already looked up and not found',
  },
  {
    file: 'src/core/dates.ts',
    code: 'text.length !== 4',
    mutants: 'false',
    reason: 'every caller passes a year the patterns matched as 2 or 4 digits',
  },
  {
    file: 'src/core/dates.ts',
    code: '/\\s+/g',
    line: "const s = arabicDigits(input).trim().replace(/\\s+/g, ' ');",
    mutants: '/\\s/g',
    reason:
      'the patterns allow any run of spaces where they allow one, so collapsing runs or single spaces is the same',
  },
  {
    file: 'src/core/dates.ts',
    code: "'CE'",
    line: "const r = make(Number(m[1]), Number(m[2]), Number(m[3]), 'CE');",
    ignore: true,
    mutants: '""',
    reason: 'parseIso returns only the date, never the era make() is given',
  },
  {
    file: 'src/core/text.ts',
    code: 'v === undefined',
    mutants: 'true',
    reason: 'memo: cache.has() finds a cached value too; checking it first only saves a lookup',
  },
  {
    file: 'src/core/text.ts',
    code: '!THAI_DIGIT.test(s)',
    mutants: 'false',
    reason: "arabicDigits' fast path: the replacement finds nothing to change in text without Thai digits",
  },
  {
    file: 'src/core/text.ts',
    code: 's.length === 0',
    mutants: 'false',
    reason: "isBlankText's general path finds the empty text blank too",
  },
  {
    file: 'src/core/text.ts',
    code: 's.length > 1 && c > 0x20 && c !== 0x2d && c !== 0x2013 && c !== 0x2014 && !HAS_ZERO_WIDTH.test(s)',
    mutants: 'false',
    reason: "isBlankText's fast path: the general path gives the same answer for every text",
  },
  {
    file: 'src/core/headers.ts',
    code: "'string'",
    line: "if (typeof v === 'string') return v;",
    ignore: true,
    mutants: '""',
    reason: 'cellText: a string falls through to String(v), which is itself',
  },
  {
    file: 'src/core/headers.ts',
    code: "typeof v === 'string'",
    line: "if (typeof v === 'string') return v;",
    mutants: 'false',
    reason: 'cellText: a string falls through to String(v), which is itself',
  },
  {
    file: 'src/core/headers.ts',
    code: "'number'",
    line: "if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);",
    ignore: true,
    mutants: '""',
    reason: 'cellText: String(n) writes every number as toFixed(0) does for integers below 1e21',
  },
  {
    file: 'src/core/headers.ts',
    code: "typeof v === 'number'",
    mutants: 'false',
    reason: 'cellText: String(n) writes every number as toFixed(0) does for integers below 1e21',
  },
  {
    file: 'src/core/headers.ts',
    code: 'Number.isInteger(v) && Math.abs(v) < 1e21',
    mutants: 'false',
    reason: 'cellText: String(n) writes every number as toFixed(0) does for integers below 1e21',
  },
  {
    file: 'src/core/headers.ts',
    code: 'Math.abs(v) < 1e21',
    mutants: 'true, Math.abs(v) <= 1e21, Math.abs(v) >= 1e21',
    reason: 'cellText: at and past 1e21 toFixed(0) writes the exponent as String(n) does',
  },
  {
    file: 'src/core/headers.ts',
    code: 'arabicDigits(thaiForm(text))\n    .trim()',
    mutants: 'arabicDigits(thaiForm(text))',
    reason: 'headerKey: the unit pattern takes trailing spaces and matchKey drops leading ones',
  },
  {
    file: 'src/core/headers.ts',
    code: '/e\\+?12$/i',
    mutants: '/e\\+?12/i',
    reason: 'idShaped: isScientific already requires the text to end in a 1–2 digit exponent',
  },
  {
    file: 'src/core/headers.ts',
    code: 'text.trim()',
    line: 'return /^(?:\\d{12,13}|g\\d{12})$/i.test(compactCid(text)) || (isScientific(text) && /e\\+?12$/i.test(text.trim()));',
    ignore: true,
    mutants: 'text',
    reason: 'idShaped is only given trimmed text',
  },
  {
    file: 'src/core/headers.ts',
    code: 'seen > 0',
    mutants: 'true, seen >= 0',
    reason: 'looksLikeCidColumn: with nothing seen, 0 / 0 is NaN and NaN >= 0.6 is false',
  },
  {
    file: 'src/core/headers.ts',
    code: '-1',
    line: 'let best = -1;',
    ignore: true,
    mutants: '+1',
    reason: 'mapHeaders: while no row names a field, bestCount 0 alone returns null',
  },
  {
    file: 'src/core/headers.ts',
    code: 'best < 0',
    mutants: 'false',
    reason: 'mapHeaders: best stays below 0 only while bestCount is 0, which the next test rejects',
  },
  {
    file: 'src/core/vocab.ts',
    code: "'\\\\$&'",
    ignore: true,
    mutants: '""',
    reason:
      'LEADING_PREFIX: the prefix forms hold no pattern characters once their dots are gone, so nothing is escaped',
  },
  {
    file: 'src/core/vocab.ts',
    code: 'm[1]!.trim()',
    line: "const prefix = m ? m[1]!.trim() : '';",
    ignore: true,
    mutants: 'm[1]!',
    reason: 'splitFullName: the captured prefix never has spaces around it; they are outside the group',
  },
  {
    file: 'src/core/vocab.ts',
    code: 'space < 0',
    mutants: 'space <= 0',
    reason: 'splitFullName: the rest after the prefix and its spaces never starts with a space',
  },
  {
    file: 'src/core/vocab.ts',
    code: '.trim()',
    line: '.trim();',
    mutants: 'the trim after removing "ชั้น" in parseGradeText',
    reason: 'parseGradeText: the patterns that follow take leading and trailing spaces as they are',
  },
  {
    file: 'src/core/vocab.ts',
    code: '/^(.*?)\\s*\\/\\s*(\\d{1,2})$/',
    mutants: '/(.*?)\\s*\\/\\s*(\\d{1,2})$/',
    reason: 'parseGradeText: a lazy group at the start matches from position 0 with or without the anchor',
  },
  {
    file: 'src/core/vocab.ts',
    code: '/^(.*?)[\\s.]*(\\d{1,2})$/',
    mutants: '/(.*?)[\\s.]*(\\d{1,2})$/',
    reason: 'parseGradeText: a lazy group at the start matches from position 0 with or without the anchor',
  },
  {
    file: 'src/core/vocab.ts',
    code: 'year >= 1',
    mutants: 'true',
    reason: '"Grade 0": ป.0 and ม.-6 are both no grade',
  },
  {
    file: 'src/core/vocab.ts',
    code: 'ด\\s*\\.\\s*[ชญ]\\s*\\.?|น\\s*\\.\\s*ส\\s*\\.?|ส\\s*\\.\\s*ณ\\s*\\.?',
    mutants: 'each last \\s* → \\S* (in PREFIX_IN_NAME)',
    reason: 'startsWithPrefix: nothing follows the optional spaces and dot, so test() matches without them',
  },
  {
    file: 'src/core/vocab.ts',
    code: '/ออกกลางคัน|dropout|drop-?out/',
    mutants: '/ออกกลางคัน|dropout|drop-out/',
    reason: '"dropout" is its own alternative',
  },
  {
    file: 'src/core/vocab.ts',
    code: '/^ชั้น\\s*/',
    mutants: '/^ชั้น\\s/, /ชั้น\\s*/',
    reason: 'gradeOfSheetName: parseGrade drops a leading "ชั้น" and spaces itself',
  },
  {
    file: 'src/core/vocab.ts',
    code: '/\\s*(?:[-_/]|ห้อง)\\s*(\\d{1,2})$/',
    mutants: '/\\s*(?:[-_/]|ห้อง)\\s*(\\d{1,2})/',
    reason: 'gradeOfSheetName: a name with more after its room number is no class either way',
  },
  {
    file: 'src/core/vocab.ts',
    code: '/\\d/',
    line: 'return /\\d/.test(s) ? parseGrade(s) : null;',
    ignore: true,
    mutants: '/\\D/',
    reason: 'gradeOfSheetName: the digit test only spares parseGrade a name it would reject (no digit, no grade)',
  },
  {
    file: 'src/core/vocab.ts',
    code: "''",
    line: "if (g) found.set(`${g.label}/${g.room ?? ''}`, g);",
    ignore: true,
    mutants: '"Stryker was here!"',
    reason: 'gradeOfTitle: any text for "no room" keeps the keys of distinct classes distinct',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: '/^\\d{12}$/',
    mutants: '/\\d{12}$/, /^\\d{12}/',
    reason: 'lostLeadingZero: "0" and anything but 12 digits is never a valid ID, which the parse that follows checks',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: 'ids[i]! >= 0',
    mutants: 'true',
    reason: 'groupsOf: counting at index -1 of a typed array writes nothing',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: 'raw >= 1e12',
    mutants: 'raw > 1e12',
    reason: 'cid.format: 1e12 itself is a whole number, which the next test excludes',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: 'p.ok',
    line: 'if (p.ok) return false;',
    mutants: 'false',
    reason: 'cid.format: a valid parse has no reason, so the reason test that follows is false too',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: "cid.v?.ok === false && cid.v.reason === 'checksum' && numericCid(cid)",
    mutants: 'numericCid → true, &&/||, ok === false → true',
    reason: 'cid.checksum: a blank cell parses as "empty", a G-code as "format" and a valid ID has no reason',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: "cid.v?.ok === false && cid.v.reason === 'category' && numericCid(cid)",
    mutants: 'numericCid → true, &&/||, ok === false → true',
    reason: 'cid.category: a blank cell parses as "empty", a G-code as "format" and a valid ID has no reason',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: "cid.v?.ok && typeof cid.raw !== 'number'",
    ignore: true,
    mutants: 'false, typeof … === / true / "", ?. → .',
    reason:
      'cid.format: the first test only leaves early; a valid ID typed as text reaches `return false` below anyway, ' +
      'and a valid parse of a number cell is never the scientific case (≥ 10^12 and not whole has ≥ 14 digits)',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: '!cid.v?.ok && numericCid(cid)',
    mutants: '!cid.v?.ok → true, && → ||, ?. → .',
    reason:
      'cid.leading-zero-lost: the valid-ID test only leaves early; a valid ID, a blank and a G-code never have 12 digits',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: 'p.personType <= 8',
    mutants: 'true',
    reason: 'cid.province: a type-9 ID never parses valid',
  },
  {
    file: 'src/core/rules/cid.ts',
    code: '?.',
    mutants: 'cid.v?.ok → cid.v.ok, p?.ok → p.ok (OptionalChaining)',
    reason: 'the analysis parses every cid cell of a sheet that has the column, so the value is never null there',
  },
  {
    file: 'src/core/rules/person.ts',
    code: '{ value: prefix.text }',
    mutants: '{}',
    reason: "the engine fills a finding's value from its cell when the rule gives none",
  },
  {
    file: 'src/core/rules/person.ts',
    code: '{ value: gender.text }',
    mutants: '{}',
    reason: "the engine fills a finding's value from its cell when the rule gives none",
  },
  {
    file: 'src/core/rules/person.ts',
    code: '{ value: dob.text }',
    line: 'check: ({ dob }) => dob.v?.ok === false && { value: dob.text },',
    mutants: '{}',
    reason: "the engine fills a finding's value from its cell when the rule gives none",
  },
  {
    file: 'src/core/rules/person.ts',
    code: 'be > ce',
    mutants: 'be >= ce',
    reason: 'dob.era: a tie has already returned',
  },
  {
    file: 'src/core/rules/person.ts',
    code: 'Number.isFinite(written)',
    mutants: 'true',
    reason: 'age.mismatch: NaN is never more than 1 away',
  },
  {
    file: 'src/core/rules/person.ts',
    code: '!d',
    line: 'if (!d || !g || now === null || now < 2 || now > 25) return false;',
    mutants: 'false',
    reason: 'age.grade: without a birth date the age on the check date is null too',
  },
  {
    file: 'src/core/rules/person.ts',
    code: 'now === null',
    line: 'if (!d || !g || now === null || now < 2 || now > 25) return false;',
    mutants: 'false',
    reason: 'age.grade: null < 2 is true, so the next test returns as well',
  },
  {
    file: 'src/core/rules/cid.ts, src/core/rules/person.ts',
    code: "needs: ['cid'] and the like",
    mutants: '[] (ArrayDeclaration) on the rules that stay quiet on a blank value',
    reason:
      'a field a sheet lacks reads as blank, and these rules never fire on blank; the rules that do (…missing) are killed',
  },
  {
    file: 'src/core/rules/school.ts',
    code: '{ value: grade.text }',
    ignore: true,
    mutants: '{}',
    reason: "the engine fills a finding's value from its cell when the rule gives none",
  },
  {
    file: 'src/core/rules/school.ts',
    code: '{ value: t }',
    ignore: true,
    mutants: '{}',
    reason: "room.invalid: t is the room cell's text, which the engine fills in when the rule gives none",
  },
  {
    file: 'src/core/rules/school.ts',
    code: '{ value: weight.text }',
    ignore: true,
    mutants: '{}',
    reason: "the engine fills a finding's value from its cell when the rule gives none",
  },
  {
    file: 'src/core/rules/school.ts',
    code: '{ value: height.text }',
    ignore: true,
    mutants: '{}',
    reason: "the engine fills a finding's value from its cell when the rule gives none",
  },
  {
    file: 'src/core/rules/school.ts',
    code: 'age === null',
    mutants: 'false',
    reason: 'band: null < 2 is true, so the next test returns null as well',
  },
  {
    file: 'src/core/rules/school.ts',
    code: 'w > 0 && h > 0',
    mutants: 'true (each side and both), ||, w >= 0, h >= 0',
    reason: 'body: swapped() holds only for a weight of 60–210 and a height of 8–150, both positive',
  },
  {
    file: 'src/core/rules/school.ts',
    code: 'arabicDigits(t).trim()',
    ignore: true,
    mutants: 'arabicDigits(t)',
    reason: 'room.invalid: Number() ignores spaces around the digits',
  },
  {
    file: 'src/core/rules/school.ts',
    code: "needs: ['room'] and the like",
    mutants: '[] (ArrayDeclaration) on grade.invalid, room.invalid, the range, unit and swapped rules',
    reason: 'a field a sheet lacks reads as blank (0 for a measure), and none of these rules fires on that',
  },
  {
    file: 'src/core/digits-key.ts',
    code: 'isPlainNumber(text) and its body',
    mutants:
      'if (false), {} body, return false, n === 0 → true/false/!==, the leading-zero test → true/||/n >= 1, ' +
      'i <= n, + 48, d < 0 → d <= 0/d >= 0, d > 9 → d >= 9, the digit test → true',
    reason:
      "studentNumberKey's fast path: the general path leaves ASCII digits without a leading zero as they are, " +
      'so a mutant that sends a text to it or a single "0" past it gives the same key',
  },
  {
    file: 'src/core/rules/names.ts',
    code: 'ctx.map.columns.fullName !== undefined',
    mutants: 'true',
    reason: 'name.whitespace needs a first name, which a sheet has only from a first-name or a full-name column',
  },
  {
    file: 'src/core/rules/names.ts',
    code: "field === 'fullName'",
    line: "return field === 'fullName' && spacingProblem(text) && { field: 'firstName', value: text };",
    mutants: 'true',
    reason: 'name.whitespace: parts split from a full name are collapsed (trimmed, single spaces, no zero-width)',
  },
  {
    file: 'src/core/rules/names.ts',
    code: 'ctx.map.columns[field] !== undefined',
    mutants: 'true',
    reason: 'name.whitespace: parts split from a full name are collapsed (trimmed, single spaces, no zero-width)',
  },
  {
    file: 'src/core/rules/names.ts',
    code: "text !== ''",
    mutants: 'true',
    reason: 'name.whitespace: the empty text has no spacing slip',
  },
  {
    file: 'src/core/rules/names.ts',
    code: "''",
    line: "text !== '' &&",
    ignore: true,
    mutants: '"Stryker was here!"',
    reason: 'name.whitespace: the empty text has no spacing slip, so skipping it or not is the same',
  },
  {
    file: 'src/core/rules/names.ts',
    code: '{ value: text }',
    ignore: true,
    mutants: '{}',
    reason: "the engine fills a finding's value from its cell when the rule gives none",
  },
  {
    file: 'src/core/rules/names.ts',
    code: 'i < size',
    mutants: 'i <= size',
    reason: 'name.near-duplicate: one step past the end reads no IDs and writes past the end of a typed array',
  },
  {
    file: 'src/core/rules/names.ts',
    code: 'f * last.count + last.ids[i]!',
    mutants: 'f * last.count - last.ids[i]!',
    reason: 'name.near-duplicate: with 0 <= id < count, subtracting the digit numbers the pairs one to one as well',
  },
  {
    file: 'src/core/rules/names.ts',
    code: '(names ? names.id(pair) : pair) * dob.count + d',
    mutants: '(names ? names.id(pair) : pair) * dob.count - d',
    reason: 'name.near-duplicate: with 0 <= id < count, subtracting the digit numbers the pairs one to one as well',
  },
  {
    file: 'src/core/rules/names.ts',
    code: "needs: ['firstName'] and the like",
    mutants: '[] on sid.duplicate, name.invalid-chars, name.thai-typo, name.mixed-script, name.prefix-in-name',
    reason: 'a field a sheet lacks reads as blank, and these rules never fire on blank',
  },
  {
    file: 'src/core/rules/movement.ts',
    code: '{ value: status.text }',
    ignore: true,
    mutants: '{}',
    reason: "the engine fills a finding's value from its cell when the rule gives none",
  },
  {
    file: 'src/core/rules/movement.ts',
    code: "needs: ['status', 'exam'] and the like",
    mutants: '[] on every movement rule but exam.missing',
    reason: 'an absent status reads as present, an absent exam or date as blank, and none of these rules fires on that',
  },
  {
    file: 'src/core/rules/header.ts',
    code: "'info'",
    line: "severity: 'info',",
    mutants: '""',
    reason: "header.missing-column: every hit names its own severity; the rule's shows only in docs/rules.md",
  },
  {
    file: 'src/core/rules/dmc.ts',
    code: '[]',
    line: 'needs: [],',
    ignore: true,
    mutants: '["Stryker was here"]',
    reason: 'reconcile() fires the dmc rules itself and never reads needs; validate() has nothing of theirs to run',
  },
  {
    file: 'src/core/rules/dmc.ts',
    code: "''",
    line: "return { th: String(h.how ?? ''), en: String(h.howEn ?? '') };",
    ignore: true,
    mutants: '"Stryker was here!"',
    reason: 'dmc.id-differs: reconcile() always says how the pair was found',
  },
  {
    file: 'src/core/settings.ts',
    code: "'.'",
    line: "const problems = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);",
    ignore: true,
    mutants: '""',
    reason: "parseSettings: the settings are flat, so a problem's path holds one key at most",
  },
  {
    file: 'src/core/settings.ts',
    code: "typeof input === 'object' && input",
    mutants: 'true, ||',
    reason:
      'parseSettings: the entries of a number or boolean are none and of a string its characters, unknown keys ' +
      'the schema drops, so the defaults come back either way',
  },
  {
    file: 'src/core/check-date.ts',
    code: "typeof v !== 'string' || v.length < 8",
    mutants: 'false',
    reason:
      'yearFromTopRows: what an empty, number, boolean or date cell reads as holds no title year or timestamp line',
  },
  {
    file: 'src/core/check-date.ts',
    code: 'v.length < 8',
    mutants: 'false, v.length <= 8',
    reason: 'yearFromTopRows: a text of 8 characters or fewer holds neither a title year nor the timestamp line',
  },
  {
    file: 'src/core/mime.ts',
    code: '(v: string) => v.length > 0 && v',
    mutants: '() => undefined, v.length > 0 → true, v.length >= 0, ||',
    reason:
      'composeCorrectionMail: mimetext rejects a content type only when this returns false, and ours is never empty',
  },
  {
    file: 'src/core/xlsx.ts',
    code: "typeof cell === 'number'",
    mutants: 'true',
    reason: 'cellXml: Number.isFinite is false for anything but a number; it does not convert',
  },
  {
    file: 'src/core/xlsx.ts',
    code: '[]',
    line: 'const bold = new Set(sheet.boldRows ?? []);',
    ignore: true,
    mutants: '["Stryker was here"]',
    reason: 'sheetXml: a row index is a number, never that text',
  },
  {
    file: 'src/core/xlsx.ts',
    code: 'the XML declaration of each part',
    mutants: '"" (6 times)',
    reason: 'XML 1.0 makes the declaration optional: a part without it is read as UTF-8 XML 1.0 all the same',
  },
  {
    file: 'src/core/xlsx.ts',
    code: '\'<Default Extension="xml" ContentType="application/xml"/>\'',
    mutants: '""',
    reason: '[Content_Types].xml: every .xml part the writer makes has its own Override, so the default is never used',
  },
  {
    file: 'src/core/correction.ts',
    code: 'header.trim()',
    ignore: true,
    mutants: 'header',
    reason: 'formFieldOf: its patterns are unanchored and headerKey trims the text itself',
  },
  {
    file: 'src/core/correction.ts',
    code: "''",
    line: "return Array.isArray(source) ? analyseSheet(0, '', source, settings.headerRow) : (source as SheetData);",
    ignore: true,
    mutants: '"Stryker was here!"',
    reason: 'sheetOf: a sheet name matters only when it names a class, and neither text does',
  },
  {
    file: 'src/core/correction.ts',
    code: 'f.row === null',
    mutants: 'false',
    reason: 'correctionRows: no student sits at row null, so a finding without a row is passed over later anyway',
  },
  {
    file: 'src/core/correction.ts',
    code: '/^\\d{12}$/',
    mutants: '/\\d{12}$/, /^\\d{12}/',
    reason: 'correctionRows: parseCid then accepts only 13 digits, so a longer text never gets a suggestion',
  },
  {
    file: 'src/core/correction.ts',
    code: '?.',
    line: 'if (!p?.ok) continue;',
    mutants: 'p.ok',
    reason: 'rosterIds: the analysis parses every cid cell of a sheet that has the column, so p is never null there',
  },
  {
    file: 'src/core/correction.ts',
    code: '[]',
    line: 'room: [],',
    ignore: true,
    mutants: '["Stryker was here"]',
    reason: 'TEMPLATE_SYNONYMS: no template header reads "Stryker was here"',
  },
  {
    file: 'src/core/correction.ts',
    code: "newCid: [...] and note: ['หมายเหตุ'] of TEMPLATE_SYNONYMS",
    mutants: '[]',
    reason:
      'formFieldOf: every newCid synonym says ใหม่ or ถูกต้อง, which the pattern before the table reads, and ' +
      'the note synonym is its own form header',
  },
  {
    file: 'src/core/thai-match.ts',
    code: 'la - 1',
    ignore: true,
    mutants: 'la + 1',
    reason: 'nameSlip: past the end both names read undefined, so the scan from the back steps down to la - 1 anyway',
  },
  {
    file: 'src/core/thai-match.ts',
    code: 'Math.abs(la - lb) !== 1',
    mutants: 'false',
    reason: 'nameSlip: with lengths 2 or more apart the two rests compared next differ in length, so null all the same',
  },
  {
    file: 'src/core/thai-match.ts',
    code: 'la > lb',
    mutants: 'la >= lb',
    reason: 'nameSlip: names of equal length have returned already',
  },
  {
    file: 'src/core/thai-match.ts',
    code: 'i < short.length',
    mutants: 'true, i <= short.length',
    reason: 'nameSlip: past the end of the shorter name its character is undefined, which stops the scan too',
  },
  {
    file: 'src/core/thai-match.ts',
    code: 'i < n',
    mutants: 'i <= n',
    reason: 'digitsApart: the digit past a day, a month (2 digits) or a BE year (4) is 0 in both',
  },
  {
    file: 'src/core/thai-match.ts',
    code: 'i < s.length',
    mutants: 'i <= s.length',
    reason: 'dobSlips: a digit appended to ddmmBBBB makes a five-digit year, which is no date',
  },
  {
    file: 'src/core/thai-match.ts',
    code: '/^[\\u0e30-\\u0e3a\\u0e40-\\u0e45\\u0e47\\u0e4d]$/',
    mutants: 'either anchor dropped',
    reason: 'isVowel is only given one character',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: "String(s ?? '').toLowerCase() and a === b in sameColour",
    mutants: 'toUpperCase(), a === b → false',
    reason: 'fills compare without case either way, and equal texts are equal in lower case too',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'the bounds kept in boxOf and bestSplit (r < r0, r > r1, c < c0, c > c1)',
    mutants: '< → <=, > → >=',
    reason: 'a bound moved to an equal value is the same bound',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'r > b.r1',
    mutants: 'true',
    reason: 'boxOf is given cells by row, so the last row is the largest',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'n < 2 and scratch.length < n',
    mutants: 'false, n <= 2 (one cell or two are cut or not at no cost); true, <= (a new scratch array)',
    reason: 'bestSplit: fewer than two cells give no cut either way; a fresh scratch array holds the same areas',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'i >= 0 and i < n - 1 in bestSplit; i < n in order()',
    mutants: 'i > 0, i <= n - 1, i <= n',
    reason:
      'bestSplit and order: a step past the end writes past a typed array (ignored) or meets a cut that saves nothing; ' +
      'scratch[0] is never read',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'gain > 0 && (!best || gain > best.gain) and the pick among parts',
    mutants: 'gain >= 0, gain >= best.gain, p.cut.gain >= …',
    reason: 'a cut that saves nothing never lowers the cost, and of two equal cuts either gives the same area',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'k < sorted.length',
    mutants: 'true, k <= sorted.length',
    reason: 'split: past the end the key is undefined, which stops the scan too',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: '!byR.length || most < 1',
    mutants: 'false, &&, most < 1 → false (and the early return it guards)',
    reason: 'covers is only asked for groups that have cells, with one piece or more left',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'parts.length >= most; p.cut === undefined; groups.length <= budget; the loop bound on g',
    mutants: 'false, >, true, g <= …, Math.max',
    reason:
      'choices with more pieces than the budget are weighed and dropped by planWrites; a cut found again is the ' +
      'same cut; a g past the groups or the budget covers nothing',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: '!groups.length',
    mutants: 'false',
    reason: 'choices: no groups give the one empty choice either way',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'n - 1',
    ignore: true,
    mutants: 'n + 1 (both loops of bestSplit)',
    reason: 'bestSplit: steps past the end write past a typed array (ignored) or meet a cut that saves nothing',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'budget - g',
    ignore: true,
    mutants: 'budget + g',
    reason: 'choices: covers with more boxes than the budget are weighed and dropped by planWrites',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'pts.slice()',
    ignore: true,
    mutants: 'pts',
    reason: "rangesOf: a group's cells are not read again after its ranges are made",
  },
  {
    file: 'src/core/mark-writes.ts',
    code: 'groups.slice(0, choice.lists)',
    ignore: true,
    mutants: 'groups',
    reason: 'piecesOf: groups past the listed ones lie inside the boxes, so their lists come out empty and are dropped',
  },
  {
    file: 'src/core/mark-writes.ts',
    code: '[]',
    line: 'const out: Choice[] = [];',
    ignore: true,
    mutants: '["Stryker was here"]',
    reason: 'choices: a text among the choices costs NaN and is never chosen',
  },
  {
    file: 'src/core/engine.ts',
    code: '!perField.some((f) => f.byValue.some((h) => h !== null))',
    mutants: 'false, perField.every, h => true',
    reason: 'runCellRules: a rule no value fires on may visit the students; it reports none of them all the same',
  },
  {
    file: 'src/core/engine.ts',
    code: 'cols.length === 1 || space <= Math.max(n / 4, UPFRONT_SPACE)',
    mutants: 'false ||, <, Math.min, n * 4',
    reason:
      'runRowRules: which of two exact ways runs a group (every combination up front, or the combinations the students have); each student gets the results of its combination either way',
  },
  {
    file: 'src/core/engine.ts',
    code: 'new Array<Fired[] | null>(space)',
    ignore: true,
    mutants: 'new Array()',
    reason: 'runRowRules: every place 0 … space − 1 is written before it is read',
  },
  {
    file: 'src/core/engine.ts',
    code: 'false',
    line: 'let fires = false;',
    ignore: true,
    mutants: 'true',
    reason:
      'runRowRules: a group whose combinations never fire may visit the students; it reports none of them all the same',
  },
  {
    file: 'src/core/engine.ts',
    code: '!fires',
    ignore: true,
    mutants: 'false',
    reason: 'runRowRules: as above — visiting students when nothing fires reports nobody',
  },
  {
    file: 'src/core/analysis.ts',
    code: 'd >= 0',
    line: 'if (d >= 0) numbers[at + j] = d;',
    ignore: true,
    mutants: 'false, d > 0',
    reason:
      'studentKeyNumbers: a key of digits kept as text groups the same (and no key of digits numbers 0: digitsKey counts the length)',
  },
  {
    file: 'src/core/engine.ts',
    code: 'sorted[j]! >= 0',
    ignore: true,
    mutants: 'true, sorted[j]! > 0',
    reason: 'groups: a repeated −1 (no key) is skipped when students are gathered; no key numbers 0',
  },
  {
    file: 'src/core/engine.ts',
    code: 'repeated.size',
    ignore: true,
    mutants: 'true',
    reason: 'groups: with no repeated key the gathering pass finds nothing',
  },
  {
    file: 'src/core/engine.ts',
    code: 'n < 0',
    line: 'if (n < 0 || !repeated.has(n)) continue;',
    ignore: true,
    mutants: 'false, n <= 0',
    reason: 'groups: −1 is never among the repeated keys, and no key numbers 0',
  },
  {
    file: 'src/core/analysis.ts',
    code: 'head < 0',
    ignore: true,
    mutants: 'false, head <= 0',
    reason:
      'shapeOf: plainCidHead gives −1 or a head ≥ 0 (head 0, an ID starting 000, left to itself is only evaluated on its own)',
  },
  {
    file: 'src/core/analysis.ts',
    code: 'text.length > 0 && text.length <= 20',
    mutants: 'true &&, text.length >= 0, text.length < 20',
    reason: "shapeOf: '' fails /^\\d+$/ anyway; a 20-digit student number left to itself is only evaluated on its own",
  },
  {
    file: 'src/core/analysis.ts',
    code: 's < 0',
    ignore: true,
    mutants: 'false, s <= 0',
    reason:
      'shaped: a value of shape 0 (or of none, −1, which indexes nothing in a typed array) only gets a shape entry of its own',
  },
  {
    file: 'src/core/analysis.ts',
    code: 's >= 0',
    ignore: true,
    mutants: 'true, s > 0',
    reason:
      'shaped: byShape[−1] = … writes nothing in a typed array; shape 0 not remembered only gets entries of its own',
  },
  {
    file: 'src/core/analysis.ts',
    code: 'false',
    line: 'const distinct = lazyArray(n, (i) => fieldValue(field, cellAt(i)), false);',
    ignore: true,
    mutants: 'true',
    reason: 'shaped: a value kept once made reads the same as one made again',
  },
  {
    file: 'src/core/analysis.ts',
    code: 'shapes && textAt && shapedKey',
    mutants: 'false',
    reason:
      'eachStudentKey: shapedKey keys a shaped row as keyOf keys its value, so keying a shaped column from its values gives the same keys',
  },
  {
    file: 'src/core/analysis.ts',
    code: 'SHAPED.has(field)',
    line: 'if (SHAPED.has(field)) return shaped(field, n, cellAt);',
    mutants: 'false',
    reason:
      "rowByRow: a field without shapes is read row by row, every rule sees each row's own value — the same answers",
  },
];

/** Ignores the listed expressions whose every mutant is equivalent. */
const equivalentIgnorer = {
  /** @param {import('@babel/core').NodePath} nodePath */
  shouldIgnore(nodePath) {
    const { start, end } = nodePath.node;
    if (typeof start !== 'number' || typeof end !== 'number') return undefined;
    const file = nodePath.hub?.file;
    const name = String(file?.opts?.filename ?? '').replace(/\\/g, '/');
    for (const e of EQUIVALENT) {
      if (!e.ignore || end - start !== e.code.length || !name.endsWith(e.file)) continue;
      if (file.code.slice(start, end) !== e.code) continue;
      if (e.line && lineAt(file.code, start) !== e.line) continue;
      return `Equivalent: ${e.reason}`;
    }
    return undefined;
  },
};

/** The trimmed source line holding a position. */
function lineAt(code, at) {
  const from = code.lastIndexOf('\n', at - 1) + 1;
  const to = code.indexOf('\n', at);
  return code.slice(from, to < 0 ? code.length : to).trim();
}

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'equivalent', equivalentIgnorer)];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './stryker.config.mjs'],
  ignorers: ['equivalent'],
  // Only the core's unit tests (src/core/**/*.test.ts, see vitest.stryker.config.ts): the bundle, CLI and
  // browser tests are slow and test other layers, and a mutant in module-level code runs every test.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: ['src/core/**/*.ts', '!src/core/**/*.test.ts', '!src/core/index.ts', '!src/core/types.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'clear-text', 'json', 'progress-append-only'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // The sandbox lives outside the working tree, so that `eslint .` and `prettier --check .` run by others
  // meanwhile never see instrumented copies.
  tempDirName: path.join(os.tmpdir(), 'stryker-dmc-roster-check'),
  ignorePatterns: ['dist', 'build', 'docs', 'reports', 'coverage', 'bench'],
  cleanTempDir: 'always',
  warnings: { slow: false },
};
