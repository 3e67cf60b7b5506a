/** npm run docs: writes docs/rules.md from the rule catalogue. */
import { writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../src/core/rules-doc';

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown());
console.log('wrote docs/rules.md');
