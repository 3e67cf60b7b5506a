/** Pins what the DMC matcher tolerates in names and birth dates, slip kind by slip kind, and what it refuses. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, type Ymd } from './dates';
import { compareNames, dobSlip, dobSlips, matchName, nameSlip } from './thai-match';

const TONES = ['\u0e48', '\u0e49', '\u0e4a', '\u0e4b']; // ่ ้ ๊ ๋
const THANTHAKHAT = '\u0e4c'; // ์
/** Every vowel and vowel-like mark the matcher allows one slip of, one by one. */
const VOWELS = [
  ...Array.from({ length: 0x0e3a - 0x0e30 + 1 }, (_, i) => String.fromCharCode(0x0e30 + i)), // ะ … ฺ
  ...Array.from({ length: 0x0e45 - 0x0e40 + 1 }, (_, i) => String.fromCharCode(0x0e40 + i)), // เ … ๅ
  '\u0e47', // ็ maitaikhu
  '\u0e4d', // ํ nikhahit
];
/** Thai characters that are not marks: letters, and marks the matcher does not count as a slip. */
const NOT_MARKS = ['\u0e01', '\u0e2d', '\u0e2e', '\u0e46', '\u0e4e', '\u0e2f', 'a', '1'];

describe('name slips, kind by kind', () => {
  it('each tone mark for any other, missing or added, is a tone-mark slip', () => {
    for (const a of TONES) {
      expect(compareNames(`ก${a}อง`, 'กอง'), `${a} added`).toBe('tone-mark');
      expect(compareNames('กอง', `ก${a}อง`), `${a} missing`).toBe('tone-mark');
      for (const b of TONES) {
        if (a !== b) expect(compareNames(`ก${a}อง`, `ก${b}อง`), `${a} for ${b}`).toBe('tone-mark');
      }
    }
  });

  it('each vowel added, missing or replaced by another is a vowel slip', () => {
    for (const v of VOWELS) {
      expect(compareNames(`สม${v}ชาย`, 'สมชาย'), `${v} added`).toBe('vowel');
      expect(compareNames('สมชาย', `สม${v}ชาย`), `${v} missing`).toBe('vowel');
      const other = v === '\u0e34' ? '\u0e35' : '\u0e34';
      expect(compareNames(`สม${v}ชาย`, `สม${other}ชาย`), `${v} for ${other}`).toBe('vowel');
    }
  });

  it('a tone mark and a vowel in each other’s place are a vowel slip, either way round', () => {
    expect(compareNames('ก้อง', 'กีอง')).toBe('vowel');
    expect(compareNames('กีอง', 'ก้อง')).toBe('vowel');
  });

  it('a thanthakhat added, missing or standing for another mark is a thanthakhat slip', () => {
    expect(compareNames('ภูมิพัฒน์', 'ภูมิพัฒน')).toBe('thanthakhat');
    expect(compareNames('ภูมิพัฒน', 'ภูมิพัฒน์')).toBe('thanthakhat');
    expect(compareNames(`ศักดิ${THANTHAKHAT}`, 'ศักดิ่')).toBe('thanthakhat'); // ์ for a tone
    expect(compareNames('ศักดิ่', `ศักดิ${THANTHAKHAT}`)).toBe('thanthakhat');
    expect(compareNames('ศักดิ์', 'ศักดี์')).toBe('vowel'); // the vowel under it is another slip
  });

  it('two adjacent letters swapped, at the start, in the middle and at the end', () => {
    expect(compareNames('สมชาย', 'มสชาย')).toBe('swapped');
    expect(compareNames('สมชาย', 'สชมาย')).toBe('swapped');
    expect(compareNames('สมชาย', 'สมชยา')).toBe('swapped');
  });

  it('letters in no such relation are another name', () => {
    // One letter replaced by a letter or any other character, added or dropped: another name.
    for (const c of NOT_MARKS) {
      expect(compareNames(`สม${c}ชาย`, 'สมชาย'), `${c} added`).toBeNull();
      expect(compareNames('สมชาย', `สม${c}ชาย`), `${c} missing`).toBeNull();
    }
    // A mark replaced by a letter, or a letter by a mark.
    expect(compareNames('ก้อง', 'กกอง')).toBeNull();
    expect(compareNames('กกอง', 'ก้อง')).toBeNull();
    // Two letters apart that happen to share one: not a swap.
    expect(compareNames('abcd', 'acxd')).toBeNull();
    expect(compareNames('abcd', 'axbd')).toBeNull();
    // Three letters rotated, two apart swapped: more than one slip.
    expect(compareNames('abcde', 'acdbe')).toBeNull();
    expect(compareNames('abcde', 'adcbe')).toBeNull();
    // An extra mark, and the rest differs too.
    expect(compareNames('ก้องภพ', 'กองภบ')).toBeNull();
    // Lengths two apart.
    expect(compareNames('สมชาย', 'สมชาย่ิ')).toBeNull();
  });

  it('the same name after normalisation: case, spaces, invisible characters, a repeated mark, เเ and ํา', () => {
    expect(compareNames('John', 'JOHN')).toBe('same');
    expect(compareNames('ณ  อยุธยา', 'ณ อยุธยา')).toBe('same');
    expect(compareNames('สมช่่าย', 'สมช่าย')).toBe('same');
    expect(compareNames('เเก้ว', 'แก้ว')).toBe('same');
    expect(compareNames('น\u0e49\u0e4d\u0e32', 'น้ำ')).toBe('same');
    expect(matchName(' Somchai\u200b ')).toBe('somchai');
  });
});

describe('nameSlip over first|last', () => {
  it('never swaps a letter with the separator, on either side of it', () => {
    expect(nameSlip('ab|cd', 'a|bcd')).toBeNull(); // the letter before the separator moved after it
    expect(nameSlip('a|bcd', 'ab|cd')).toBeNull(); // the letter after it moved before it
    expect(nameSlip('ab#cd', 'a#bcd', '#')).toBeNull();
    expect(nameSlip('ab|cd', 'a|bcd', '#')).toBe('swapped'); // another separator: an ordinary letter
  });

  it('is null for equal names and allows one slip in the whole pair', () => {
    expect(nameSlip('ก้อง|ใจดี', 'ก้อง|ใจดี')).toBeNull();
    expect(nameSlip('ก้อง|ใจดี', 'ก้อง|ใจด')).toBe('vowel');
    expect(nameSlip('ก้อง|ใจดี', 'กอง|ใจด')).toBeNull();
  });

  const thai = fc.stringMatching(/^[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]{0,8}$/);

  it('is symmetric', () => {
    fc.assert(
      fc.property(thai, thai, (a, b) => {
        expect(nameSlip(a, b)).toBe(nameSlip(b, a));
      }),
      { numRuns: 300 },
    );
  });

  const consonants = fc.stringMatching(/^[\u0e01-\u0e2e]{1,8}$/);

  it('a mark inserted anywhere in a name of letters is the slip of its kind; a letter inserted is none', () => {
    fc.assert(
      fc.property(consonants, fc.nat(), fc.constantFrom(...TONES, THANTHAKHAT, ...VOWELS, 'ข'), (s, at, c) => {
        const i = at % (s.length + 1);
        const t = s.slice(0, i) + c + s.slice(i);
        const want = TONES.includes(c) ? 'tone-mark' : c === THANTHAKHAT ? 'thanthakhat' : c === 'ข' ? null : 'vowel';
        expect(nameSlip(s, t)).toBe(want);
        expect(nameSlip(t, s)).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  it('two different adjacent letters swapped anywhere are a swap', () => {
    fc.assert(
      fc.property(consonants, fc.nat(), (s, at) => {
        fc.pre(s.length >= 2);
        const i = at % (s.length - 1);
        fc.pre(s[i] !== s[i + 1]);
        const t = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
        expect(nameSlip(s, t)).toBe('swapped');
      }),
      { numRuns: 200 },
    );
  });
});

const d = (y: number, m: number, day: number): Ymd => ({ y, m, d: day });
const key = (v: Ymd) => `${v.y}-${v.m}-${v.d}`;

describe('dobSlip', () => {
  it('a day/month swap only within the same year', () => {
    expect(dobSlip(d(2013, 4, 7), d(2013, 7, 4))).toBe('day-month-swapped');
    expect(dobSlip(d(2013, 7, 4), d(2013, 4, 7))).toBe('day-month-swapped');
    expect(dobSlip(d(2013, 4, 7), d(2014, 7, 4))).toBeNull();
    // Only the day, or only the month, moved: not a swap.
    expect(dobSlip(d(2013, 4, 7), d(2013, 7, 15))).toBeNull();
    expect(dobSlip(d(2013, 4, 7), d(2013, 9, 4))).toBeNull();
  });

  it('one digit of the day, the month or the Buddhist-era year, each place', () => {
    expect(dobSlip(d(2013, 4, 7), d(2013, 4, 9))).toBe('one-digit'); // day units
    expect(dobSlip(d(2013, 4, 7), d(2013, 4, 17))).toBe('one-digit'); // day tens
    expect(dobSlip(d(2013, 4, 7), d(2013, 6, 7))).toBe('one-digit'); // month units
    expect(dobSlip(d(2013, 1, 7), d(2013, 11, 7))).toBe('one-digit'); // month tens
    expect(dobSlip(d(2013, 4, 7), d(2012, 4, 7))).toBe('one-digit'); // 2556 → 2555
    expect(dobSlip(d(2013, 4, 7), d(2023, 4, 7))).toBe('one-digit'); // 2556 → 2566
    expect(dobSlip(d(2013, 4, 7), d(1913, 4, 7))).toBe('one-digit'); // 2556 → 2456
    // 2013 → 2012 CE is one digit in CE, 2556 → 2555 in BE as well; 2019 → 2020 CE is 2562 → 2563: one.
    expect(dobSlip(d(2019, 4, 7), d(2020, 4, 7))).toBe('one-digit');
    // 2016 → 2017 CE is one digit in CE but 2559 → 2560 in BE: two.
    expect(dobSlip(d(2016, 4, 7), d(2017, 4, 7))).toBeNull();
  });

  it('two digits apart is another date', () => {
    expect(dobSlip(d(2013, 4, 7), d(2013, 4, 18))).toBeNull();
    expect(dobSlip(d(2013, 4, 7), d(2013, 5, 8))).toBeNull();
    expect(dobSlip(d(2013, 4, 7), d(2012, 4, 8))).toBeNull();
    expect(dobSlip(d(2013, 4, 7), d(2013, 12, 7))).toBeNull(); // 04 → 12
  });

  it('is symmetric', () => {
    const date = fc.record({
      y: fc.integer({ min: 1990, max: 2030 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(dobSlip(a, b)).toBe(dobSlip(b, a));
      }),
      { numRuns: 300 },
    );
  });
});

describe('dobSlips: exactly the valid dates one slip away', () => {
  /** Every date from 1700 to 2700 one slip from `from` (by dobSlip), as keys. */
  function bruteForce(from: Ymd): string[] {
    const out: string[] = [];
    for (let y = 1700; y <= 2700; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let day = 1, n = daysInMonth(y, m); day <= n; day++) {
          if (dobSlip(from, { y, m, d: day })) out.push(`${y}-${m}-${day}`);
        }
      }
    }
    return out.sort();
  }
  const inRange = (k: string) => {
    const y = Number(k.slice(0, 4));
    return y >= 1800 && y <= 2600;
  };
  const listed = (from: Ymd) => dobSlips(from).map(key).sort();

  it.each([
    d(2013, 4, 7), // a day below 13: a swap too
    d(2010, 12, 31), // the end of a year
    d(2012, 2, 29), // a leap day: one digit off is 28 Feb… or no date
    d(2013, 12, 12), // day equals month: no swap
    d(2013, 11, 12), // day 12 swaps
    d(2013, 11, 13), // day 13 does not
    d(1810, 1, 1), // 2353 BE: the tens digit reaches 2343 BE = 1800, the first year taken
    d(2599, 6, 9), // 3142 BE: the units reach 3143 BE = 2600, the last year taken
    d(2600, 6, 9), // 3143 BE: 3144 (2601) is not taken
  ])('for %o, with dates before 1800 and after 2600 left out', (from) => {
    const want = bruteForce(from).filter(inRange);
    expect(listed(from)).toEqual(want);
  });

  it('lists each date once and never the date itself', () => {
    fc.assert(
      fc.property(
        fc.record({
          y: fc.integer({ min: 1900, max: 2100 }),
          m: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 28 }),
        }),
        (from) => {
          const all = listed(from);
          expect(new Set(all).size).toBe(all.length);
          expect(all).not.toContain(key(from));
          for (const v of dobSlips(from)) expect(dobSlip(from, v)).not.toBeNull();
        },
      ),
      { numRuns: 100 },
    );
  });
});
