/**
 * Apps Script entry points. build.mjs turns every export into a top-level function.
 * Thin on purpose: all rule logic is in src/core.
 */
import { validate, type Cell, type Report, type SettingsInput } from '../core/index';

/** Checks a 2-D array of values as getValues() returns them. */
export function checkValues(values: Cell[][], settings?: SettingsInput): Report {
  return validate(values, settings);
}
