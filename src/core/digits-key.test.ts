import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsKey, wholeNumberKey } from './digits-key';

describe('digitsKey', () => {
  it('gives equal digit texts equal numbers and different ones (leading zeros too) different numbers', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,14}$/), fc.stringMatching(/^\d{1,14}$/), (a, b) => {
        expect(digitsKey(a) >= 0 && Number.isSafeInteger(digitsKey(a))).toBe(true);
        expect(digitsKey(a) === digitsKey(b)).toBe(a === b);
      }),
      { numRuns: 500 },
    );
    expect(digitsKey('0123')).not.toBe(digitsKey('123'));
  });

  it('refuses what is not 1–14 ASCII digits: the engine keys those by text', () => {
    for (const k of ['', '123456789012345', '12a', ' 12', '๑๒', '1.0', '-1']) expect(digitsKey(k)).toBe(-1);
    expect(digitsKey('12345678901234')).toBeGreaterThan(0);
  });

  it('takes 1 to 14 ASCII digits only', () => {
    for (const k of ['', '123456789012345', '12a', '/', ':', '1 2', '๑๒', '-1', '1.5'])
      expect(digitsKey(k), k).toBe(-1);
    for (const k of ['0', '9', '12345678901234', '00000000000000']) expect(digitsKey(k), k).toBeGreaterThanOrEqual(0);
  });

  it('is one exact integer below 2^53 per text, keeping leading zeros apart', () => {
    const texts = [
      '0',
      '00',
      '000',
      '1',
      '01',
      '001',
      '10',
      '100',
      '123',
      '0123',
      '9',
      '99',
      '99999999999999',
      '09999999999999',
      '1234567890123',
    ];
    const keys = texts.map(digitsKey);
    for (const k of keys) expect(Number.isSafeInteger(k)).toBe(true);
    expect(new Set(keys).size).toBe(texts.length);
    // The same text, the same key.
    expect(digitsKey('0123')).toBe(digitsKey(`0${'123'}`));
  });
});

describe('wholeNumberKey', () => {
  it('is the key of the digits with their leading zeros dropped', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,14}$/), (digits) => {
        expect(wholeNumberKey(digitsKey(digits))).toBe(digitsKey(digits.replace(/^0+(?=\d)/, '')));
      }),
    );
    expect(wholeNumberKey(digitsKey('0123'))).toBe(digitsKey('123'));
    expect(wholeNumberKey(digitsKey('000'))).toBe(digitsKey('0'));
    expect(wholeNumberKey(digitsKey('10'))).toBe(digitsKey('10'));
    expect(wholeNumberKey(digitsKey('99999999999999'))).toBe(digitsKey('99999999999999'));
  });
});
