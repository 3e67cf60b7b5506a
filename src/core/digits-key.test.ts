import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsKey, wholeNumberKey } from './digits-key';

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
