import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/core/catalogue';
import { rulesMarkdown } from '../src/core/rules-doc';

describe('docs/rules.md', () => {
  it('is generated from the catalogue and current (npm run docs)', () => {
    const doc = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8');
    expect(doc).toBe(rulesMarkdown());
    for (const r of RULES) expect(doc).toContain(`\`${r.id}\``);
  });
});
