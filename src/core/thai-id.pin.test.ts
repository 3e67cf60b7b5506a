/** Pins the citizen-ID behaviour every rule relies on: each separator, reason, province edge and anchor (issue 15). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDigit,
  CID_REASON,
  compact,
  formatCid,
  isGcode,
  isProvinceCode,
  isScientific,
  isValidCid,
  looksLikeGcode,
  maskCid,
  maskCidsIn,
  plainCidHead,
  parseCid,
  withCheckDigit,
  type CidReason,
} from './thai-id';

/** A valid ID of nobody with the given first digit and province code. */
const idWith = (type: number, province: string, rest = '123456789') => withCheckDigit(`${type}${province}${rest}`);
const VALID = idWith(1, '10', '170020703'); // 1101700207030

/** The province codes of RULES.md, written out so that a changed range shows here. */
const PROVINCES = new Set<number>();
for (const [lo, hi] of [
  [10, 19],
  [20, 27],
  [30, 49],
  [50, 58],
  [60, 67],
  [70, 77],
  [80, 86],
  [90, 96],
])
  for (let n = lo!; n <= hi!; n++) PROVINCES.add(n);

describe('isProvinceCode: every code 00–99', () => {
  const codes = Array.from({ length: 100 }, (_, n) => [String(n).padStart(2, '0'), PROVINCES.has(n)] as const);
  it.each(codes)('%s → %s', (code, known) => expect(isProvinceCode(code)).toBe(known));
  it.each([
    ['19', true],
    ['20', true],
    ['27', true],
    ['28', false],
    ['29', false],
    ['30', true],
    ['49', true],
    ['50', true],
    ['58', true],
    ['59', false],
    ['60', true],
    ['67', true],
    ['68', false],
    ['77', true],
    ['78', false],
    ['86', true],
    ['87', false],
    ['89', false],
    ['90', true],
    ['96', true],
    ['97', false],
  ])('edge %s → %s (also as parseCid reads it)', (code, known) => {
    expect(isProvinceCode(code)).toBe(known);
    expect(parseCid(idWith(3, code))).toMatchObject({ ok: true, province: code, provinceKnown: known });
  });
});

describe('compact', () => {
  it('leaves 13 digits as they are', () => expect(compact(VALID)).toBe(VALID));
  it.each([
    [' ', 'space'],
    ['\t', 'tab'],
    ['-', 'hyphen-minus'],
    ['\u2010', 'hyphen'],
    ['\u2011', 'non-breaking hyphen'],
    ['\u2012', 'figure dash'],
    ['\u2013', 'en dash'],
    ['\u2014', 'em dash'],
    ['\u2015', 'horizontal bar'],
    ['.', 'dot'],
    ['\u200b', 'zero-width space'],
    ['\u200c', 'zero-width non-joiner'],
    ['\u200d', 'zero-width joiner'],
    ['\u2060', 'word joiner'],
    ['\ufeff', 'BOM'],
    ['\u00ad', 'soft hyphen'],
  ])('drops %j (%s) between digits', (sep) => {
    const written = `${VALID.slice(0, 1)}${sep}${VALID.slice(1, 5)}${sep}${VALID.slice(5)}`;
    expect(compact(written)).toBe(VALID);
    expect(parseCid(written)).toMatchObject({ ok: true, digits: VALID });
  });
  it('drops the separator before and after the digits too', () => expect(compact(` ${VALID} `)).toBe(VALID));
  it.each([
    [`'${VALID}`, VALID],
    [`\u2019${VALID}`, VALID],
    [`  '${VALID}`, VALID],
    [` '${VALID}`, VALID],
  ])('drops the leading text marker of %j', (input, out) => expect(compact(input)).toBe(out));
  it('keeps an apostrophe that is not leading (no ID then)', () => {
    const inner = `${VALID.slice(0, 6)}'${VALID.slice(6)}`;
    expect(compact(inner)).toBe(inner);
    expect(parseCid(inner)).toMatchObject({ ok: false, reason: 'format' });
    expect(compact(`''${VALID}`)).toBe(`'${VALID}`);
  });
  it('turns Thai digits into Arabic ones', () => {
    expect(compact('๑๒๓๔๕๖๗๘๙๐')).toBe('1234567890');
  });
  it('keeps letters and other symbols', () => expect(compact('G 1234/5')).toBe('G1234/5'));
});

describe('isScientific: what Excel writes for a long number', () => {
  it.each([
    '1.10170020703E+12',
    '1.1E+12',
    '1,1E+12',
    '1E+12',
    '1.1E12',
    '1.1e+12',
    '1.12345E+12',
    '1.1E+1',
    "'1.1E+12",
    '\u20191.1E+12',
    '  1.1E+12  ',
    " '1.1E+12",
    '๑.๑E+๑๒',
  ])('%j is scientific', (s) => expect(isScientific(s)).toBe(true));
  it.each([
    'x1.1E+12',
    '1.1E+12x',
    '12.1E+12',
    '1.E+12',
    '1..1E+12',
    "''1.1E+12",
    '1.1E++12',
    '1.1E+',
    '1.1E+123',
    'a.1E+12',
    '1a1E+12',
    '1.1x+12',
    '1.1',
    VALID,
    '',
  ])('%j is not', (s) => expect(isScientific(s)).toBe(false));
});

/** The check digit as RULES.md writes it, for 1-based i: (11 − Σ dᵢ·(14−i) mod 11) mod 10. */
function reference(first12: string): number {
  let sum = 0;
  for (let i = 1; i <= 12; i++) sum += Number(first12[i - 1]) * (14 - i);
  return (11 - (sum % 11)) % 10;
}

describe('checkDigit', () => {
  it('follows the formula for any 12 digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{12}$/), (d) => checkDigit(d) === reference(d)));
  });
  it('gives 0 when the sum is 1 mod 11 and 1 when it is 0 mod 11', () => {
    // 2·6 = 12 ≡ 1 → 10 mod 10 = 0; all zeros ≡ 0 → 11 mod 10 = 1.
    expect(checkDigit('000000000006')).toBe(0);
    expect(checkDigit('000000000000')).toBe(1);
  });
  it('weighs the first digit 13 and the twelfth 2', () => {
    expect(checkDigit('100000000000')).toBe((11 - (13 % 11)) % 10);
    expect(checkDigit('000000000001')).toBe((11 - 2) % 10);
  });
});

describe('parseCid: every reason', () => {
  const cases: Array<[string, CidReason]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['-', 'empty'],
    ['\u200b', 'empty'],
    ['110170020703', 'length'],
    ['11017002070301', 'length'],
    ['1', 'length'],
    ['11017002070d3', 'format'],
    [`a${VALID.slice(1)}`, 'format'],
    [`${VALID.slice(0, 12)}a`, 'format'],
    [`a${VALID.slice(0, 12)}`, 'format'],
    [`${VALID.slice(1)}a`, 'format'],
    ['1-2345-45678-78-X', 'format'],
    ['1.10170020703E+12', 'scientific'],
    ["'1.1E+12", 'scientific'],
    ['1101700207031', 'checksum'],
    [withCheckDigit('910112345000'), 'category'],
  ];
  it.each(cases)('%j → %s', (input, reason) => {
    const p = parseCid(input);
    expect(p).toMatchObject({ ok: false, reason });
    expect(isValidCid(input)).toBe(false);
  });
  it('reports what it compacted', () => {
    expect(parseCid('1-1017-0020-703')).toEqual({ ok: false, reason: 'length', compact: '110170020703' });
    expect(parseCid(' x ')).toEqual({ ok: false, reason: 'format', compact: 'x' });
  });
  it('a 9-ID with a wrong check digit is a checksum error first', () => {
    const nine = withCheckDigit('910112345000');
    const wrong = nine.slice(0, 12) + String((Number(nine[12]) + 1) % 10);
    expect(parseCid(wrong)).toMatchObject({ ok: false, reason: 'checksum' });
  });
  it('every wrong check digit is a checksum error', () => {
    for (let d = 0; d <= 9; d++) {
      const id = VALID.slice(0, 12) + String(d);
      expect(parseCid(id).ok, id).toBe(id === VALID);
    }
  });
  // Digits whose weighted sums are small and exact (11, 64, 49, 4): the check is the sum's remainder mod 11.
  it.each([
    ['001000000000', 1],
    ['000008000000', 2],
    ['000000700000', 6],
    ['000000000002', 7],
  ])('%s: only the check digit %i makes it valid, any other is a checksum error', (first12, right) => {
    for (let d = 0; d <= 9; d++) {
      const id = first12 + String(d);
      expect(parseCid(id), id).toMatchObject(
        d === right ? { ok: true, digits: id } : { ok: false, reason: 'checksum' },
      );
    }
  });
  it('for any 12 digits not starting with 9, exactly the formula’s check digit is valid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-8]\d{11}$/), (first12) => {
        for (let d = 0; d <= 9; d++) {
          const p = parseCid(first12 + String(d));
          expect(p.ok ? 'ok' : p.reason).toBe(d === reference(first12) ? 'ok' : 'checksum');
        }
      }),
      { numRuns: 300 },
    );
  });
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8])('person type %i is valid, with its type and province', (type) => {
    const id = idWith(type, '50');
    expect(parseCid(id)).toEqual({ ok: true, digits: id, personType: type, province: '50', provinceKnown: true });
    expect(isValidCid(id)).toBe(true);
  });
  it('a type-0 ID with an unknown province is still a valid ID', () => {
    expect(parseCid(idWith(0, '99'))).toMatchObject({ ok: true, personType: 0, province: '99', provinceKnown: false });
  });
  it('reads IDs written with separators, markers and Thai digits', () => {
    expect(parseCid(`'${formatCid(VALID)}`)).toMatchObject({ ok: true, digits: VALID });
    expect(parseCid('๑ ๑๐๑๗ ๐๐๒๐๗ ๐๓ ๐')).toMatchObject({ ok: true, digits: VALID });
  });
});

describe('CID_REASON: one message per reason in both languages', () => {
  const reasons: CidReason[] = ['empty', 'length', 'format', 'scientific', 'checksum', 'category'];
  it('each reason has a distinct Thai and English text', () => {
    for (const r of reasons) {
      expect(CID_REASON[r].th, r).toMatch(/[\u0e01-\u0e5b]/);
      expect(CID_REASON[r].en.length, r).toBeGreaterThan(3);
    }
    expect(new Set(reasons.map((r) => CID_REASON[r].th)).size).toBe(reasons.length);
    expect(new Set(reasons.map((r) => CID_REASON[r].en)).size).toBe(reasons.length);
  });
  it('says what each reason is about', () => {
    expect(CID_REASON.length.en).toContain('13');
    expect(CID_REASON.length.th).toContain('13');
    expect(CID_REASON.scientific.en).toContain('Excel');
    expect(CID_REASON.scientific.th).toContain('Excel');
    expect(CID_REASON.category.en).toContain('9');
    expect(CID_REASON.category.th).toContain('9');
    expect(CID_REASON.checksum.en).toMatch(/check digit/);
    expect(CID_REASON.empty.en).toBe('empty');
    expect(CID_REASON.format.en).toMatch(/digit/);
  });
});

describe('G-codes', () => {
  it.each([
    ['G650000012345', true],
    ['g650000012345', true],
    ['G 6500 0001 2345', true],
    ['G-650000-012345', true],
    ['G65000001234', false],
    ['G6500000123456', false],
    ['xG650000012345', false],
    ['G650000012345x', false],
    ['GG50000012345', false],
    ['G', false],
    ['H650000012345', false],
    [VALID, false],
  ])('isGcode(%j) → %s', (s, yes) => expect(isGcode(s)).toBe(yes));
  it.each([
    ['G1', true],
    ['g', true],
    [' G12', true],
    ["'G12", true],
    ['1G12', false],
    ['', false],
    [VALID, false],
  ])('looksLikeGcode(%j) → %s', (s, yes) => expect(looksLikeGcode(s)).toBe(yes));
});

describe('formatCid', () => {
  it('groups 1-2345-67890-12-3', () => expect(formatCid(VALID)).toBe('1-1017-00207-03-0'));
  it.each(['110170020703', '11017002070301', `x${VALID}`, `${VALID}x`, '', 'abc'])('leaves %j as it is', (s) =>
    expect(formatCid(s)).toBe(s),
  );
  it('parse ∘ format is the identity on valid IDs', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-8]\d{11}$/), (d) => {
        const id = withCheckDigit(d);
        const p = parseCid(formatCid(id));
        return p.ok && p.digits === id && formatCid(p.digits) === formatCid(id);
      }),
      { numRuns: 300 },
    );
  });
});

describe('maskCid', () => {
  it.each([
    [VALID, '1-xxxx-xxxxx-xx-0'],
    [formatCid(VALID), '1-xxxx-xxxxx-xx-0'],
    [` '${VALID}`, '1-xxxx-xxxxx-xx-0'],
    ['110170020703', '1xxxxxxxxxx3'],
    ['11017002070301', '1xxxxxxxxxxxx1'],
    ['123', '1x3'],
    ['12', '12'],
    ['1', 'x'],
    ['', ''],
  ])('%j → %j', (input, out) => expect(maskCid(input)).toBe(out));
  it('keeps only the first and last digit of any ID', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (d) => {
        const id = withCheckDigit(d);
        const m = maskCid(id);
        return m[0] === id[0] && m[m.length - 1] === id[12] && m.slice(1, -1).replace(/[-x]/g, '') === '';
      }),
      { numRuns: 200 },
    );
  });
});

describe('maskCidsIn', () => {
  it.each([
    [`row 5: ${VALID}`, 'row 5: 1-xxxx-xxxxx-xx-0'],
    [`a${VALID}b`, 'a1-xxxx-xxxxx-xx-0b'],
    [formatCid(VALID), '1-xxxx-xxxxx-xx-0'],
    ['1 1017 00207 03 0', '1-xxxx-xxxxx-xx-0'],
    [`${VALID},${VALID}`, '1-xxxx-xxxxx-xx-0,1-xxxx-xxxxx-xx-0'],
    ['9999999999999', '9-xxxx-xxxxx-xx-9'],
  ])('masks %j', (input, out) => expect(maskCidsIn(input)).toBe(out));
  it.each([
    ['a 13-digit run inside 14 digits', `${VALID}1`],
    ['a 13-digit run after a digit', `1${VALID}`],
    ['12 digits', '110170020703'],
    ['a doubled separator', '1--1017-00207-03-0'],
    ['no digits', 'no ID here'],
  ])('leaves %s alone', (_what, text) => expect(maskCidsIn(text)).toBe(text));
});

describe('withCheckDigit', () => {
  it('makes a valid ID of any 12 digits not starting with 9', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-8]\d{11}$/), (d) => {
        const id = withCheckDigit(d);
        return id.length === 13 && id.startsWith(d) && parseCid(id).ok;
      }),
      { numRuns: 500 },
    );
  });
  it('makes a category error of 12 digits starting with 9', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^9\d{11}$/), (d) => {
        const p = parseCid(withCheckDigit(d));
        return !p.ok && p.reason === 'category';
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseCid: 13 characters that are not all digits', () => {
  /** The check digit a reader that took every character's code − 48 as a digit would expect. */
  const codeSum = (first12: string) => {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (13 - i);
    return (11 - (((sum % 11) + 11) % 11)) % 10;
  };
  // ':' and '/' sit just past and just before the digits: a slip in the digit test would take them for 10 and −1.
  it.each([':', '/', 'A'])('%s in any of the first 12 places never makes a valid ID', (ch) => {
    for (let p = 0; p < 12; p++) {
      const first12 = `${'110170020703'.slice(0, p)}${ch}${'110170020703'.slice(p + 1)}`;
      const id = first12 + String(codeSum(first12));
      const parsed = parseCid(id);
      expect(parsed.ok, id).toBe(false);
    }
  });
  // All twelve places: a reader that took a character below '0' or past '9' for a digit would sum them.
  it.each([
    [' ', 'length'],
    ['/', 'format'],
    [':', 'format'],
    ['A', 'format'],
    ['ก', 'format'],
  ] as const)('twelve %j and any last digit → %s', (ch, reason) => {
    for (let d = 0; d <= 9; d++) {
      const input = ch.repeat(12) + String(d);
      expect(parseCid(input), input).toMatchObject({ ok: false, reason });
    }
  });
  it('a Thai-digit ID is read as its Arabic digits', () => {
    const id = withCheckDigit('110170020703');
    const thai = id.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
    expect(parseCid(thai)).toEqual(parseCid(id));
  });
});

describe('plainCidHead', () => {
  /** A valid ID from its first 12 digits. */
  const valid = (first12: string) => withCheckDigit(first12);

  it('is the first three digits of 13 plain digits with a valid check digit', () => {
    expect(plainCidHead(valid('110170012345'))).toBe(110);
    expect(plainCidHead(valid('012345678901'))).toBe(12);
    expect(plainCidHead(valid('899999999999'))).toBe(899);
    expect(plainCidHead(valid('000000000000'))).toBe(0);
  });

  it('takes every check digit 0–9, zeros and nines inside', () => {
    const seen = new Set<number>();
    for (let n = 0; seen.size < 10 && n < 10_000; n++) {
      const id = valid(
        `3${String(n * 7919)
          .padStart(11, '0')
          .slice(-11)}`,
      );
      seen.add(Number(id[12]));
      expect(plainCidHead(id), id).toBe(Number(id.slice(0, 3)));
    }
    expect(seen.size).toBe(10);
    expect(plainCidHead(valid('190909090909'))).toBe(190);
  });

  it('is -1 for anything else', () => {
    const id = valid('110170012345');
    const others = [
      `${id.slice(0, 12)}${(Number(id[12]) + 1) % 10}`, // check digit
      valid('912345678901'), // no person type 9
      id.slice(0, 12),
      `${id}0`,
      ` ${id.slice(1)}`,
      ...Array.from({ length: 13 }, (_, i) => `${id.slice(0, i)}/${id.slice(i + 1)}`), // '/' is '0' − 1
      ...Array.from({ length: 13 }, (_, i) => `${id.slice(0, i)}:${id.slice(i + 1)}`), // ':' is '9' + 1
      '๑'.repeat(13),
      '',
    ];
    for (const t of others) expect(plainCidHead(t), t).toBe(-1);
  });

  it('agrees with parseCid on every 13 plain digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13}$/), (t) => {
        const p = parseCid(t);
        expect(plainCidHead(t)).toBe(p.ok ? Number(t.slice(0, 3)) : -1);
      }),
      { numRuns: 2000 },
    );
  });
});
