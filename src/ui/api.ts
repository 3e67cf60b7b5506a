/**
 * One typed, promise-based wrapper around google.script.run, typed from the server module: renaming
 * or retyping a server function breaks the sidebar's build, not its users.
 */
import type * as Server from '../server/index';

type Fns = {
  [
    K in keyof typeof Server as (typeof Server)[K] extends (...args: never[]) => unknown ? K : never
  ]: (typeof Server)[K];
};
type Fn<K extends keyof Fns> = Fns[K] extends (...args: infer A) => infer R ? (...args: A) => R : never;

interface Runner {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: Error) => void): Runner;
  [name: string]: unknown;
}
declare const google: { script: { run: Runner } };

export function call<K extends keyof Fns>(name: K, ...args: Parameters<Fn<K>>): Promise<ReturnType<Fn<K>>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as ReturnType<Fn<K>>))
      .withFailureHandler((e) => reject(e));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
