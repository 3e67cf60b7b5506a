import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit, formatCid, isGcode, maskCid, maskCidsIn, parseCid, withCheckDigit } from './thai-id';

// Vectors from public validators, as listed in the issue.
const VALID = [
  '1112034563562',
  '1101700207030',
  '3648905117162',
  '1234567891020',
  '1101230000001',
  '7150480716044',
  '3100600445635',
  '1410127443236',
  '1239900124231',
  '1234567890121',
  '1-2345-45678-78-1',
];
const BAD_CHECKSUM = [
  '1234567891021',
  '1101700230705',
  '1410127443237',
  '1239900124232',
  '1131812674671',
  '1101230000007',
];

describe('parseCid', () => {
  it.each(VALID)('%s is valid', (id) => expect(parseCid(id).ok).toBe(true));
  it.each(BAD_CHECKSUM)('%s has a wrong check digit', (id) =>
    expect(parseCid(id)).toMatchObject({ ok: false, reason: 'checksum' }),
  );
  it.each(['9101123450008', '9150480716041'])('%s: first digit 9 is no person type', (id) =>
    expect(parseCid(id)).toMatchObject({ ok: false, reason: 'category' }),
  );
  it('accepts person type 0 (no registration status)', () => {
    expect(parseCid('0101123450004')).toMatchObject({ ok: true, personType: 0 });
  });
  it.each(['110170023073', '12399001242311'])('%s has the wrong length', (id) =>
    expect(parseCid(id)).toMatchObject({ ok: false, reason: 'length' }),
  );
  it.each(['11017002070d3', '1-2345-45678-78-X'])('%s is not all digits', (id) =>
    expect(parseCid(id)).toMatchObject({ ok: false, reason: 'format' }),
  );
  it('reads Thai digits and spaces', () => {
    expect(parseCid('๑ ๑๑๒๐ ๓๔๕๖๓ ๕๖ ๒').ok).toBe(true);
  });
  it('says empty for nothing', () => expect(parseCid('  ')).toMatchObject({ ok: false, reason: 'empty' }));
  it('reports the province digits', () => {
    expect(parseCid('1101700207030')).toMatchObject({ province: '10', provinceKnown: true });
    expect(parseCid(withCheckDigit('199000000001'))).toMatchObject({ province: '99', provinceKnown: false });
  });
});

describe('checksum properties', () => {
  const twelve = fc.stringMatching(/^[1-8]\d{11}$/);
  it('withCheckDigit always makes a valid ID', () => {
    fc.assert(fc.property(twelve, (d) => parseCid(withCheckDigit(d)).ok));
  });
  const weightedSum = (id: string) => [...id.slice(0, 12)].reduce((sum, ch, i) => sum + Number(ch) * (13 - i), 0);
  it('a one-digit change is caught unless it is digit 3 (weight 11) or the sums meet at 0 and 10 mod 11', () => {
    fc.assert(
      fc.property(twelve, fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 9 }), (d, pos, delta) => {
        const id = withCheckDigit(d);
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        const before = weightedSum(id) % 11;
        const after = weightedSum(changed) % 11;
        const blind = pos === 2 || (before !== after && [0, 10].includes(before) && [0, 10].includes(after));
        return parseCid(changed).ok === blind;
      }),
    );
  });
  it('cannot see digit 3 at all, which is why cid.province exists', () => {
    fc.assert(
      fc.property(twelve, fc.integer({ min: 1, max: 9 }), (d, delta) => {
        const id = withCheckDigit(d);
        return parseCid(id.slice(0, 2) + String((Number(id[2]) + delta) % 10) + id.slice(3)).ok;
      }),
    );
  });
  it('matches the formula (11 − Σ dᵢ·(14−i) mod 11) mod 10', () => {
    expect(checkDigit('110170020703')).toBe(0);
    expect(checkDigit('111203456356')).toBe(2);
  });
});

describe('format and mask', () => {
  it('formats 1-2345-67890-12-3', () => expect(formatCid('1101700207030')).toBe('1-1017-00207-03-0'));
  it('masks all but the first and last digit', () => expect(maskCid('1101700207030')).toBe('1-xxxx-xxxxx-xx-0'));
  it('masks every ID inside free text', () => {
    expect(maskCidsIn('row 5: 1101700207030 and 1-1017-00207-03-0')).toBe(
      'row 5: 1-xxxx-xxxxx-xx-0 and 1-xxxx-xxxxx-xx-0',
    );
  });
  it('knows a G-code', () => {
    expect(isGcode('G650000012345')).toBe(true);
    expect(isGcode('G65000001234')).toBe(false);
  });
});
