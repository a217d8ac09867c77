// Loads the rules file (thresholds, points, term defaults) and the prescription table. A bad file
// is refused with the key and the problem named; the caller keeps the rules it had.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateRules, validatePrescriptions, type PrescriptionTable as Prescriptions, type RulesConfig } from '../shared/rules/index.ts';
import { ConfigError } from './config.ts';
import { ROOT } from './root.ts';

const DATA = join(ROOT, 'data');

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${what} ${file} cannot be read: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${what} ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

export function loadRules(file: string | null): RulesConfig {
  const path = file ?? join(DATA, 'rules.default.json');
  const res = validateRules(readJson(path, 'rules file'));
  if (!res.ok) throw new ConfigError(`rules file ${path} refused:\n  ${res.errors.join('\n  ')}`);
  return res.rules;
}

export function loadPrescriptions(file?: string): Prescriptions {
  const path = file ?? join(DATA, 'prescriptions.default.json');
  const res = validatePrescriptions(readJson(path, 'prescription table'));
  if (!res.ok) throw new ConfigError(`prescription table ${path} refused:\n  ${res.errors.join('\n  ')}`);
  return res.table;
}
