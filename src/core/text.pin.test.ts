/** Pins Thai text normalisation: every invisible character, space, typo kind and formula trigger (issue 15). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arabicDigits,
  collapseSpaces,
  isBlankText,
  matchKey,
  memo,
  nameKey,
  neutraliseFormula,
  plainSpaces,
  repairThai,
  thaiForm,
  thaiTypo,
} from './text';

const SARA_AM = '\u0e33';
const DECOMPOSED = '\u0e4d\u0e32';
const ZERO_WIDTH = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const EXOTIC_SPACES = ['\u00a0', '\u2000', '\u2005', '\u200a', '\u202f', '\u205f', '\u3000', '\t'];

describe('memo', () => {
  it('computes each distinct input once', () => {
    let calls = 0;
    const f = memo((s: string) => ({ s, n: ++calls }));
    const a = f('a');
    expect(f('a')).toBe(a);
    f('b');
    expect(calls).toBe(2);
  });
  it('remembers undefined results too', () => {
    let calls = 0;
    const f = memo((): undefined => {
      calls++;
      return undefined;
    });
    expect(f('x')).toBeUndefined();
    expect(f('x')).toBeUndefined();
    expect(calls).toBe(1);
  });
  it('drops its memory once it holds `max` entries', () => {
    const seen: string[] = [];
    const f = memo((s: string) => {
      seen.push(s);
      return s.length;
    }, 2);
    f('a');
    f('b');
    f('a');
    expect(seen).toEqual(['a', 'b']);
    f('c'); // full: forgets a and b
    f('c');
    f('a');
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('arabicDigits', () => {
  it('turns every Thai digit into its Arabic digit', () => {
    expect(arabicDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
    expect(arabicDigits('ป.๓/๑')).toBe('ป.3/1');
  });
  it('leaves text without Thai digits as it is', () => {
    expect(arabicDigits('abc 123 กขค')).toBe('abc 123 กขค');
    expect(arabicDigits('')).toBe('');
  });
});

describe('plainSpaces', () => {
  it.each(ZERO_WIDTH)('removes invisible %j', (ch) => expect(plainSpaces(`ก${ch}ข`)).toBe('กข'));
  it.each(EXOTIC_SPACES)('makes %j a plain space', (ch) => expect(plainSpaces(`ก${ch}ข`)).toBe('ก ข'));
  it('removes every invisible character, not just the first', () =>
    expect(plainSpaces('\u200bก\u200bข\u200b')).toBe('กข'));
});

describe('thaiForm', () => {
  it('writes sara am as one character', () => expect(thaiForm(`น${DECOMPOSED}`)).toBe(`น${SARA_AM}`));
  it('writes two sara e as sara ae', () => expect(thaiForm('เเก้ว')).toBe('แก้ว'));
  it('fixes every occurrence', () => expect(thaiForm(`เเ${DECOMPOSED}เเ${DECOMPOSED}`)).toBe(`แ${SARA_AM}แ${SARA_AM}`));
  it.each(ZERO_WIDTH)('removes invisible %j', (ch) => expect(thaiForm(`ก${ch}ข`)).toBe('กข'));
  it.each(EXOTIC_SPACES)('makes %j a plain space', (ch) => expect(thaiForm(`ก${ch}ข`)).toBe('ก ข'));
  it('composes to NFC when anything else needs fixing', () => {
    expect(thaiForm('e\u0301\u00a0')).toBe('\u00e9 ');
    expect(thaiForm('e\u0301\uac00')).toBe('\u00e9\uac00');
    // Conjoining jamo: every character is past U+0E80, and NFC makes them one syllable.
    expect(thaiForm('\u1100\u1161')).toBe('\uac00');
  });
  // Found by these tests: the fast path once skipped text whose characters were all below U+0E80.
  it('composes a Latin letter and its combining accent even when nothing Thai needs fixing', () => {
    expect(thaiForm('Jose\u0301')).toBe('Jos\u00e9');
  });
  it('leaves plain text alone', () => {
    expect(thaiForm('สมชาย ใจดี')).toBe('สมชาย ใจดี');
    expect(thaiForm('  two  spaces ')).toBe('  two  spaces ');
  });
  it('is idempotent', () => {
    const thaiText = fc.string({
      unit: fc.constantFrom('ก', 'เ', 'แ', '\u0e4d', '\u0e32', '\u0e33', ' ', '\u00a0', '\u200b', 'e', '\t'),
      maxLength: 12,
    });
    fc.assert(fc.property(thaiText, (s) => thaiForm(thaiForm(s)) === thaiForm(s)));
    const accents = fc.string({ unit: fc.constantFrom('e', '\u0301', 'เ', ' ', '\u00a0'), maxLength: 8 });
    fc.assert(fc.property(accents, (s) => thaiForm(thaiForm(s)) === thaiForm(s)));
  });
  // Found by the property above: invisible characters must go before NFC composes ("e\u200b\u0301" → "é").
  it('is idempotent when a zero-width space splits a letter from its combining mark', () => {
    const s = '\u0e40e\u200b\u0301';
    expect(thaiForm(thaiForm(s))).toBe(thaiForm(s));
  });
});

describe('collapseSpaces', () => {
  it.each([
    ['  ก   ข  ', 'ก ข'],
    ['ก  ข', 'ก ข'],
    ['ก   ข', 'ก ข'],
    ['ก ข', 'ก ข'],
    ['ก\t\tข', 'ก ข'],
    ['\u00a0ก\u200bข\u00a0', 'กข'],
    ['ก\u3000 ข', 'ก ข'],
    ['', ''],
  ])('%j → %j', (s, out) => expect(collapseSpaces(s)).toBe(out));
  it('is idempotent', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\u00a0', '\u200b', 'ก'), maxLength: 15 });
    fc.assert(fc.property(text, (s) => collapseSpaces(collapseSpaces(s)) === collapseSpaces(s)));
  });
});

describe('repairThai', () => {
  it.each([
    ['เเก้ว', 'แก้ว'],
    [`น${DECOMPOSED}`, `น${SARA_AM}`],
    ['กะะ', 'กะ'],
    ['กะะะ', 'กะ'],
    ['กิิ', 'กิ'],
    ['ก\u0e3a\u0e3a', 'ก\u0e3a'],
    ['ใใจ', 'ใจ'],
    ['ไไก่', 'ไก่'],
    ['ก่่', 'ก่'],
    ['ก้้้', 'ก้'],
    ['ก็็', 'ก็'],
    ['ก\u0e4e\u0e4e', 'ก\u0e4e'],
    ['สมชาย', 'สมชาย'],
    ['กกก', 'กกก'],
    ['ก่้', 'ก่้'],
  ])('%j → %j', (s, out) => expect(repairThai(s)).toBe(out));
});

describe('thaiTypo', () => {
  it.each([
    ['เเก้ว', 'double-sara-e'],
    [`เเ${DECOMPOSED}`, 'double-sara-e'],
    [`น${DECOMPOSED}`, 'decomposed-sara-am'],
    [`น${DECOMPOSED}ะะ`, 'decomposed-sara-am'],
    ['กะะ', 'repeated-mark'],
    ['กิิ', 'repeated-mark'],
    ['ใใจ', 'repeated-mark'],
    ['ไไ', 'repeated-mark'],
    ['ก่่', 'repeated-mark'],
    ['ก\u0e4e\u0e4e', 'repeated-mark'],
    ['ก\u0e3a\u0e3a', 'repeated-mark'],
    ['\u0e48ก', 'orphan-mark'],
    ['\u0e31', 'orphan-mark'],
    ['\u0e34', 'orphan-mark'],
    ['\u0e3a', 'orphan-mark'],
    ['\u0e47', 'orphan-mark'],
    ['\u0e4e', 'orphan-mark'],
    ['ก \u0e48', 'orphan-mark'],
    ['a\u0e48', 'orphan-mark'],
    ['กะ\u0e48', 'orphan-mark'],
    ['กา\u0e48', 'orphan-mark'],
    // Invisible characters are read through: what the eye sees is the slip.
    ['ะ\u200bะ', 'repeated-mark'],
    ['ก่\u00ad่', 'repeated-mark'],
    ['เ\u200bเก้ว', 'double-sara-e'],
    ['น\u0e4d\ufeff\u0e32', 'decomposed-sara-am'],
  ])('%j → %s', (s, kind) => expect(thaiTypo(s)).toBe(kind));
  it.each([
    'สมชาย',
    'ก่',
    'ฮั',
    'กั่',
    'กี้',
    'กิ่ง',
    'ก็',
    'ก\u0e3a',
    'ก\u0e4c',
    'ก\u0e4e',
    'ก\u0e31\u0e47',
    'ก\u0e47\u0e48',
    'ก\u0e4e\u0e48',
    'ก\u0e3a\u0e48',
    `น${'\u0e33'}`,
    'ส\u200b่ม',
    '',
  ])('%j has none', (s) => expect(thaiTypo(s)).toBeNull());
});

describe('matchKey', () => {
  it.each([
    ['A B', 'ab'],
    ['a.b', 'ab'],
    ['a:b', 'ab'],
    ['a*b', 'ab'],
    ['a_b', 'ab'],
    ['a\tb', 'ab'],
    ['a\u00a0b', 'ab'],
    ['a\u200bb', 'ab'],
    ['ด. ช.', 'ดช'],
    ['๑๒', '12'],
    ['เเ', 'แ'],
    [`น${DECOMPOSED}`, `น${SARA_AM}`],
    ['a-b/c', 'a-b/c'],
  ])('%j → %j', (s, key) => expect(matchKey(s)).toBe(key));
  it('is idempotent', () => {
    const separators = fc.string({
      unit: fc.constantFrom('A', 'b', ' ', '.', ':', '*', '_', '๑', '\u200b', '\u00a0', '-'),
      maxLength: 12,
    });
    const thai = fc.string({ unit: fc.constantFrom('ก', 'เ', 'แ', '\u0e4d', '\u0e32', '๒', 'B'), maxLength: 12 });
    for (const text of [separators, thai]) fc.assert(fc.property(text, (s) => matchKey(matchKey(s)) === matchKey(s)));
  });
  // Found by these tests: two sara e (or ํ and า) split by a separator must join in one pass.
  it('is idempotent when a space splits two sara e ("เ เ")', () => {
    expect(matchKey(matchKey('เ เ'))).toBe(matchKey('เ เ'));
  });
  it('is idempotent when a dot splits a decomposed sara am ("ํ.า")', () => {
    expect(matchKey(matchKey('น\u0e4d.\u0e32'))).toBe(matchKey('น\u0e4d.\u0e32'));
  });
});

describe('nameKey', () => {
  it('compares names by their repaired, collapsed, lower-case form', () => {
    expect(nameKey('  เเก้ว   ใจดี ')).toBe('แก้ว ใจดี');
    expect(nameKey('John  SMITH')).toBe('john smith');
  });
});

describe('isBlankText', () => {
  it.each([
    '',
    ' ',
    '  ',
    '\t',
    '\u00a0',
    '\u3000',
    '-',
    '–',
    '—',
    '- ',
    ' -',
    '– ',
    '— ',
    ' - ',
    '\u200b',
    '\u200b\u200b',
    '\u200b-',
    '\ufeff ',
    '\u00ad',
  ])('%j is blank', (s) => expect(isBlankText(s)).toBe(true));
  it.each(['a', 'ab', ' a', '0', '--', '-5', '–5', '—a', 'a\u200b', '\u200ba', '- -', 'x '])('%j is not', (s) =>
    expect(isBlankText(s)).toBe(false),
  );
});

describe('neutraliseFormula', () => {
  it.each(['=SUM(A1)', '+66812345678', '-5', '@cmd', '\tx', '\rx'])('%j gets an apostrophe', (s) =>
    expect(neutraliseFormula(s)).toBe(`'${s}`),
  );
  it.each(['a=b', '1+1', '', ' =x', "'=x", 'สมชาย'])('%j stays as it is', (s) => expect(neutraliseFormula(s)).toBe(s));
});
