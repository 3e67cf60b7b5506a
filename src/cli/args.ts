/** The command's options as node:util's parseArgs takes them (main.ts checks their values). */
export const CLI_OPTIONS = {
  sheet: { type: 'string' },
  format: { type: 'string', default: 'text' },
  lang: { type: 'string', default: 'th' },
  'as-of': { type: 'string' },
  'academic-year': { type: 'string' },
  'exam-end': { type: 'string' },
  'correction-form': { type: 'string' },
  'show-ids': { type: 'boolean' },
  fix: { type: 'string' },
  dmc: { type: 'string' },
  'dmc-sheet': { type: 'string' },
  'keep-prefixes': { type: 'boolean' },
  pretty: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
