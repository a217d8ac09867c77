// Pure formatting for "why is this red": rule labels, values and the history lines.
import { RULE_LABELS } from '../../shared/rules/index.ts';
import type { RuleCode } from '../../shared/model.ts';
import type { Lang } from '../i18n/index.ts';

/** Rules whose value and threshold are fractions (shown as percentages). */
const RATE_RULES = new Set<string>(['redMembers', '3m1l', 'dues', 'redBranches']);

export function ruleLabel(rule: string, lang: Lang): string {
  const l = RULE_LABELS[rule as RuleCode];
  return l ? (lang === 'en' ? l.en : l.zh) : rule;
}

export function reasonValue(rule: string, v: number | string | null): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (RATE_RULES.has(rule)) return `${(Math.round(v * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
  return String(Math.round(v * 100) / 100);
}

/** '2026-04-15T12:00:00+08:00' → '2026-04-15 12:00' (the server already speaks Asia/Shanghai). */
export function historyWhen(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return m ? `${m[1]} ${m[2]}` : at;
}
