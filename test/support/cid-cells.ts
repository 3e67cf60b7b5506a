/**
 * Citizen IDs as property tests draw them: a valid ID from twelve random digits, and the ways files hold
 * the same ID (a number, dashes, an apostrophe, Thai digits, spaces, the leading digit lost).
 */
import fc from 'fast-check';
import { formatCid, withCheckDigit } from '../../src/core/thai-id';

/** Arabic digits as Thai digits (๐–๙). */
export const thaiDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

/** Twelve random digits made a valid ID, of the person types schools meet. */
export const anyCid = fc
  .tuple(fc.constantFrom('0', '1', '2', '3', '5', '8'), fc.stringMatching(/^\d{11}$/))
  .map(([t, d]) => withCheckDigit(t + d));

/** The same ID dressed the ways files hold it; each test adds its own odd cells after these. */
export const dressedCids = [
  anyCid,
  anyCid.map(Number),
  anyCid.map(formatCid),
  anyCid.map((c) => `'${c}`),
  anyCid.map(thaiDigits),
  anyCid.map((c) => ` ${c.slice(0, 4)} ${c.slice(4)} `),
  anyCid.map((c) => c.slice(1)),
] as const;
