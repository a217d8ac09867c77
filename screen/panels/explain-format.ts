// Pure formatting for "why is this red": rule labels, values and the history lines.
import { RULE_LABELS } from '../../shared/rules/index.ts';
import type { RuleCode } from '../../shared/model.ts';
import type { LightCheck } from '../../shared/rules/light-checks.ts';
import type { Lang } from '../i18n/index.ts';

/** Rules whose value and threshold are fractions (shown as percentages). */
const RATE_RULES = new Set<string>(['redMembers', '3m1l', 'dues', 'redBranches']);

export function ruleLabel(rule: string, lang: Lang): string {
  const l = RULE_LABELS[rule as RuleCode];
  return l ? (lang === 'en' ? l.en : l.zh) : rule;
}

/** A fraction as a percentage to one decimal, '.0' dropped: 0.925 → '92.5%', 1 → '100%'. */
function percent(v: number): string {
  return `${(Math.round(v * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

export function reasonValue(rule: string, v: number | string | null): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (RATE_RULES.has(rule)) return percent(v);
  return String(Math.round(v * 100) / 100);
}

/** '2026-04-15T12:00:00+08:00' → '2026-04-15 12:00' (the server already speaks Asia/Shanghai). */
export function historyWhen(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return m ? `${m[1]} ${m[2]}` : at;
}


/**
 * A passed rule's line of the health check, in words a visitor reads at a glance: what the rule
 * reads now against the line it is held to ('100% ≥ 90%'), or what it found ('无逾期').
 */
export function checkText(c: LightCheck, lang: Lang): string {
  const zh = lang !== 'en';
  const v = c.value;
  const t = c.threshold;
  const num = (x: number | string | null) => (typeof x === 'number' ? x : null);
  switch (c.rule) {
    case 'orgLife':
      if (!v) return zh ? '无空白月' : 'no month missed';
      return zh ? `空白${v}个月` : `${v} months without`;
    case 'redMembers':
      return num(v) === null ? '—' : `${percent(num(v)!)} ≤ ${percent(num(t) ?? 0)}`;
    case '3m1l':
    case 'dues':
      return num(v) === null ? (zh ? '暂无应完成' : 'nothing due yet') : `${percent(num(v)!)} ≥ ${percent(num(t) ?? 0)}`;
    case 'term':
      return zh ? `${t}届满` : `term ends ${t}`;
    case 'probation':
      if (!v) return zh ? '无预备党员' : 'none on probation';
      return zh ? `${v}名，无到期` : `${v}, none due`;
    case 'tasks':
      return zh ? '无逾期' : 'none overdue';
    case 'structure':
      return zh ? `${v}名 ≤ ${t}名` : `${v} ≤ ${t} members`;
    case 'redBranches':
      return zh ? '无红灯支部' : 'no red branches';
  }
}
