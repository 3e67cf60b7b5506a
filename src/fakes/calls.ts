/** Counts every call a fake service receives, by "Class.method", and can make a chosen call fail. */

/** What Apps Script says when an execution runs past its 6 minutes. */
export const TIME_LIMIT = 'Exceeded maximum execution time';

interface Fault {
  /** Counted calls still to pass before the failing one (0 = the next call fails). */
  skip: number;
  /** Only calls with this name count towards the fault; any call when absent. */
  method?: string;
  message: string;
}

export class CallLog {
  readonly counts = new Map<string, number>();
  private fault: Fault | null = null;
  /** Calls made since the log was created or last reset, in order (fault positions refer to these). */
  private seen = 0;
  /** The call that failed last, for a test to report where a fault hit. */
  lastFailure: { name: string; at: number } | null = null;

  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.seen++;
    const f = this.fault;
    if (!f || (f.method && f.method !== name)) return;
    if (f.skip > 0) {
      f.skip--;
      return;
    }
    this.fault = null;
    this.lastFailure = { name, at: this.seen };
    throw new Error(f.message);
  }

  /**
   * The nth counted call from now (1-based) throws, like a quota error or Apps Script's time limit;
   * every later call succeeds. The failing call has no effect.
   */
  failAt(n: number, message = TIME_LIMIT): void {
    this.fault = { skip: Math.max(0, n - 1), message };
  }

  /** The nth call from now of one method (e.g. "Range.setNotes") throws. */
  failOn(method: string, nth = 1, message = TIME_LIMIT): void {
    this.fault = { skip: Math.max(0, nth - 1), method, message };
  }

  /** Whether an armed fault is still waiting for its call. */
  get armed(): boolean {
    return this.fault !== null;
  }

  disarm(): void {
    this.fault = null;
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
    this.seen = 0;
  }
}

/** Reads and writes of cell contents and formats: the calls that cost a round trip each. */
export const DATA_CALL = /^Range\.(get|set)(Values|DisplayValues|Backgrounds|Notes|NumberFormats|Formulas)$/;
