/** Every rule, in report order: the single source of rule IDs. */
import { cidRules } from './rules/cid';
import { dmcRules } from './rules/dmc';
import { headerRules } from './rules/header';
import { movementRules } from './rules/movement';
import { nameRules } from './rules/names';
import { personRules } from './rules/person';
import type { RuleDef } from './rules/rule';
import { schoolRules } from './rules/school';
import type { Msg, Severity } from './types';

export const RULES: readonly RuleDef[] = [
  ...headerRules,
  ...cidRules,
  ...nameRules,
  ...personRules,
  ...schoolRules,
  ...movementRules,
  // Fired by reconcile() with the DMC download beside the roster, never by validate().
  ...dmcRules,
];

export const RULE_BY_ID: ReadonlyMap<string, RuleDef> = new Map(RULES.map((r) => [r.id, r]));

/** What a report or sidebar shows about a rule: no code, just data. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  field: string | null;
  about: Msg;
}

export function ruleInfo(): RuleInfo[] {
  return RULES.map(({ id, severity, field, about }) => ({ id, severity, field, about }));
}
