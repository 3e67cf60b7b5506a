/** Counts every call a fake service receives, by "Class.method". */
export class CallLog {
  readonly counts = new Map<string, number>();

  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Calls whose name matches: e.g. /^Range\.(get|set)(Values|Backgrounds|Notes)$/ for cell data. */
  total(match: RegExp = /./): number {
    let n = 0;
    for (const [k, v] of this.counts) if (match.test(k)) n += v;
    return n;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/** Reads and writes of cell contents and formats: the calls that cost a round trip each. */
export const DATA_CALL = /^Range\.(get|set)(Values|DisplayValues|Backgrounds|Notes|NumberFormats|Formulas)$/;
