// The prescription table (支部党建诊疗报告, warning measures): text per rule and level, edited by
// operators in data/prescriptions.default.json. Validated like the rules: every rule code must
// have a label and both levels, so the report never prints an empty prescription.

import type { Level, RuleCode } from '../model.ts';
import { check, text, type Schema } from './validate.ts';

export type PrescriptionTable = Record<RuleCode, { label: string; red: string; yellow: string }>;

export const RULE_CODES: readonly RuleCode[] = ['orgLife', 'redMembers', 'term', 'probation', '3m1l', 'dues', 'tasks', 'structure', 'redBranches'];

const SCHEMA: Schema = Object.fromEntries(RULE_CODES.map((code) => [code, { label: text, red: text, yellow: text }]));

export function validatePrescriptions(json: unknown): { ok: true; table: PrescriptionTable } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  check(SCHEMA, json, '', errors);
  return errors.length === 0 ? { ok: true, table: json as PrescriptionTable } : { ok: false, errors };
}

export function prescriptionFor(table: PrescriptionTable, rule: RuleCode, level: Level): { label: string; prescription: string } {
  return { label: table[rule].label, prescription: table[rule][level] };
}
