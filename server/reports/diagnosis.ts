// 支部党建诊疗报告 (INDICATORS.md, last section): one branch, one completed month, every key
// indicator beside the district's value and the branch's rank among all branches, shortfalls in
// plain Chinese, the light's reasons with a prescription each, and a six-month score trend.
//
// The branch is evaluated as of the last instant of the month (monthEnd − 1 ms), so year-to-date
// indicators cover the year up to that month and the month itself counts as the current month.
// Every indicator here reads "higher is better": rank 1 is the highest value; branches without a
// value (not applicable, e.g. no slot required yet) are not ranked; equal values share a rank.
// Only branches founded by then (those with a score) are compared.

import { MEETING_KINDS } from '../../shared/domain.ts';
import type { Level, RuleCode } from '../../shared/model.ts';
import { addMonths, formatInstant, monthEnd, type Month } from '../../shared/periods.ts';
import { indicatorDef, prescriptionFor, RULE_LABELS, type PrescriptionTable } from '../../shared/rules/index.ts';
import type { Evaluation } from '../aggregate/engine.ts';
import { branchesOf } from '../aggregate/structure.ts';
import type { Directory } from '../store/directory.ts';
import { KIND_ZH } from '../labels-zh.ts';

export interface DiagnosisRow {
  id: string;
  label: string;
  unit: 'ratio' | 'count' | 'score';
  value: number | null;
  /** The root's value; for meeting counts the mean per branch. */
  district: number | null;
  rank: number | null;
  of: number;
}

export interface Diagnosis {
  org: { code: string; name: string; parentName: string | null };
  month: Month;
  asOf: string;
  light: string;
  score: number | null;
  rows: DiagnosisRow[];
  shortfalls: string[];
  reasons: { rule: RuleCode; level: Level; message: string; label: string; prescription: string }[];
  trend: { month: Month; score: number | null }[];
}

/** The instant a month's report is evaluated at: its last millisecond. */
export const reportInstant = (month: Month) => monthEnd(month) - 1;

export function rowIds(month: Month): { id: string; label: string; unit: DiagnosisRow['unit'] }[] {
  const zh = (id: string) => indicatorDef(id)?.zh ?? id;
  return [
    ...['compliance.3m1l', 'compliance.theme_day', 'attendance.rate', `dues.rate.${month}`, 'dues.onTime.ytd'].map((id) => ({ id, label: zh(id), unit: 'ratio' as const })),
    ...MEETING_KINDS.map((k) => ({ id: `meetings.${k}.${month}`, label: `${KIND_ZH[k]}次数`, unit: 'count' as const })),
    { id: 'score', label: zh('score'), unit: 'score' as const },
  ];
}

/** The district's side of every row for one month: each branch's value, sorted high to low. */
export interface Comparison {
  month: Month;
  rows: Map<string, { values: number[]; district: number | null }>;
}

export function compareBranches(dir: Directory, month: Month, ev: Evaluation): Comparison {
  const root = dir.root!;
  // Branches that exist at asOf (a branch founded later has no score, and its zero meeting counts
  // must not pull the district's mean down); the same set the rankings use.
  const branches = branchesOf(dir, root).filter((b) => (ev.orgs.get(b)?.score ?? null) !== null);
  const rows = new Map<string, { values: number[]; district: number | null }>();
  for (const { id, unit } of rowIds(month)) {
    const values = branches.map((b) => ev.orgs.get(b)?.indicators[id] ?? null).filter((v): v is number => v !== null);
    values.sort((a, b) => b - a);
    const district = unit === 'count' ? (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null) : ev.orgs.get(root)?.indicators[id] ?? null;
    rows.set(id, { values, district });
  }
  return { month, rows };
}

/** 1 + how many values (sorted high to low) are greater than v: equal values share a rank. */
function rankIn(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] > v) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

export function buildDiagnosis(
  dir: Directory,
  code: string,
  month: Month,
  ev: Evaluation,
  prescriptions: PrescriptionTable,
  scoreAt: (month: Month) => number | null,
  // The batch compares 2,650 branches with the same district: it computes this once per month.
  comparison: Comparison = compareBranches(dir, month, ev),
): Diagnosis {
  const org = dir.orgs.get(code)!;
  const own = ev.orgs.get(code);

  const rows = rowIds(month).map(({ id, label, unit }): DiagnosisRow => {
    const { values, district } = comparison.rows.get(id)!;
    const value = own?.indicators[id] ?? null;
    return { id, label, unit, value, district, rank: value === null ? null : rankIn(values, value), of: values.length };
  });

  const shortfalls = rows
    .filter((r) => r.value !== null && r.district !== null && r.value < r.district - 1e-9)
    .map((r) => `你支部${r.label.replace(/（.*?）/g, '')}${r.unit === 'count' ? '少于' : '低于'}全区平均水平`);

  const reasons = (own?.light.reasons ?? []).map((r) => {
    const p = prescriptionFor(prescriptions, r.rule, r.level);
    return { rule: r.rule, level: r.level, message: r.message, label: p.label || RULE_LABELS[r.rule].zh, prescription: p.prescription };
  });

  const trend = Array.from({ length: 6 }, (_, i) => addMonths(month, i - 5)).map((m) => ({ month: m, score: scoreAt(m) }));

  return {
    org: { code, name: org.name, parentName: org.parentCode ? dir.orgs.get(org.parentCode)?.name ?? null : null },
    month,
    asOf: formatInstant(ev.asOf),
    light: own?.light.level ?? 'grey',
    score: own?.score ?? null,
    rows,
    shortfalls,
    reasons,
    trend,
  };
}
