/** Thai name and birth-date slips: what the DMC matcher tolerates, and what it must not. */
import { describe, expect, it } from 'vitest';
import { compareNames, dobSlip, dobSlips, matchName, nameSlip } from './thai-match';

const key = (first: string, last: string) => `${matchName(first)}|${matchName(last)}`;
const slip = (a: [string, string], b: [string, string]) => nameSlip(key(...a), key(...b));

describe('compareNames', () => {
  it('takes the same name after Thai normalisation as the same', () => {
    expect(compareNames('แก้ว', 'เเก้ว')).toBe('same'); // two sara e for sara ae
    expect(compareNames('สำราญ', 'ส\u0e4d\u0e32ราญ')).toBe('same'); // decomposed sara am
    expect(compareNames(' สม\u200bชาย ', 'สมชาย')).toBe('same'); // invisible and outer spaces
    expect(compareNames('สมชาย', 'สมชาย')).toBe('same');
  });

  it('names the one slip between two spellings', () => {
    expect(compareNames('ก้อง', 'ก่อง')).toBe('tone-mark'); // one tone for another
    expect(compareNames('น้ำฝน', 'นำฝน')).toBe('tone-mark'); // tone mark missing
    expect(compareNames('ณัฐวุฒิ', 'ณัฐวุฒี')).toBe('vowel');
    expect(compareNames('สุดา', 'สูดา')).toBe('vowel');
    expect(compareNames('ใจดี', 'ไจดี')).toBe('vowel');
    expect(compareNames('ภูมิพัฒน์', 'ภูมิพัฒน')).toBe('thanthakhat');
    expect(compareNames('กิตติพงษ', 'กิตติพงษ์')).toBe('thanthakhat');
    expect(compareNames('สมชาย', 'สมชยา')).toBe('swapped');
    expect(compareNames('john', 'jonh')).toBe('swapped');
  });

  it('stays quiet for different names', () => {
    expect(compareNames('สมชาย', 'สมชาติ')).toBeNull(); // a consonant and more
    expect(compareNames('สมชาย', 'สมชาบ')).toBeNull(); // one consonant: another name
    expect(compareNames('สมชาย', 'สมชา')).toBeNull(); // a consonant missing
    expect(compareNames('ก้อง', 'ก๊อก')).toBeNull(); // two slips
    expect(compareNames('ณัฐวุฒิ', 'ณัฐวุฒ')).toBe('vowel'); // a vowel missing is a vowel slip…
    expect(compareNames('ณัฐวุฒิ', 'ณัฐวุ')).toBeNull(); // …two characters are not
    expect(compareNames('สมศรี', 'สมศักดิ์')).toBeNull();
  });
});

describe('nameSlip over first|last', () => {
  it('allows one slip across both names, not one in each', () => {
    expect(slip(['ก้อง', 'ใจดี'], ['ก่อง', 'ใจดี'])).toBe('tone-mark');
    expect(slip(['สมชาย', 'ใจดี'], ['สมชาย', 'ใจดิ'])).toBe('vowel');
    expect(slip(['ก้อง', 'ใจดี'], ['ก่อง', 'ใจดิ'])).toBeNull();
  });

  it('never moves a letter across the first/last boundary', () => {
    expect(nameSlip('สมชาย|ใจดี', 'สมชา|ยใจดี')).toBeNull();
    expect(nameSlip('ab|cd', 'ab|dc')).toBe('swapped');
  });
});

describe('dobSlip and dobSlips', () => {
  const d = (y: number, m: number, day: number) => ({ y, m, d: day });

  it('finds a day/month swap and a one-digit slip, in the Buddhist Era form', () => {
    expect(dobSlip(d(2013, 4, 7), d(2013, 7, 4))).toBe('day-month-swapped');
    expect(dobSlip(d(2013, 4, 7), d(2013, 4, 8))).toBe('one-digit');
    expect(dobSlip(d(2013, 4, 17), d(2013, 4, 27))).toBe('one-digit');
    // 2556 → 2557 BE is one digit (2013 → 2014 CE).
    expect(dobSlip(d(2013, 4, 7), d(2014, 4, 7))).toBe('one-digit');
    expect(dobSlip(d(2013, 4, 7), d(2013, 4, 7))).toBeNull();
    expect(dobSlip(d(2013, 4, 7), d(2012, 5, 7))).toBeNull();
    // 2559 → 2560 BE is two digits.
    expect(dobSlip(d(2016, 4, 7), d(2017, 4, 7))).toBeNull();
  });

  it('lists every valid date one slip away, and every one of them is a slip', () => {
    const from = d(2013, 4, 7);
    const all = dobSlips(from);
    expect(all).toContainEqual(d(2013, 7, 4));
    expect(all).toContainEqual(d(2013, 4, 8));
    expect(all).toContainEqual(d(2014, 4, 7));
    expect(all).not.toContainEqual(from);
    for (const v of all) expect(dobSlip(from, v)).not.toBeNull();
    // Only valid dates: no 37 April, no month 14.
    expect(all.every((v) => v.m >= 1 && v.m <= 12 && v.d >= 1 && v.d <= 31)).toBe(true);
    expect(all).not.toContainEqual(d(2013, 4, 37));
  });
});
