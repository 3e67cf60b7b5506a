/**
 * Every property test starts from one seed, so `npm test` (and CI) gives the same answer on every run
 * and a failure can be replayed. `npm run fuzz` (or FC_SEED=random) explores new cases on every run;
 * `FC_SEED=<n> npx vitest run <file>` replays the seed a failure printed.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
// `vitest --mode fuzz` sets Vite's mode, which vitest exposes as import.meta.env.MODE.
const mode = (import.meta as ImportMeta & { env?: { MODE?: string } }).env?.MODE;
if (seed !== 'random' && mode !== 'fuzz') fc.configureGlobal({ seed: seed ? Number(seed) : 20_261_206 });
