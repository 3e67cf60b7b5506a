/**
 * For mutation runs only: a test file that fails to load (a static mutant broke a module it imports) becomes one
 * failed test, so that Stryker's vitest runner, which counts only collected tests, scores the mutant killed
 * (stryker-js#6150). Files that loaded are left as they are.
 */
import type { Reporter, Vitest } from 'vitest/node';

export default class LoadFailureAsFailedTest implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      file.tasks.push({
        type: 'test',
        id: `${file.id}_load`,
        name: 'the file loads',
        mode: 'run',
        meta: {},
        file,
        suite: file,
        timeout: 0,
        annotations: [],
        artifacts: [],
        result: { state: 'fail', errors: file.result.errors ?? [] },
      } as unknown as (typeof file.tasks)[number]);
    }
  }
}
