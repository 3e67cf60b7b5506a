#!/usr/bin/env node
// Runs the built command; `npm ci` builds it (the prepare script), `npm run build` rebuilds it.
import { existsSync } from 'node:fs';

const built = new URL('../build/dmc-check.mjs', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('dmc-check: not built yet: run `npm run build` in the project folder\n');
  process.exit(2);
}
await import(built.href);
