// The branch light: one small rule per concern, each returning a reason or nothing; the light is
// the worst level. Boundaries: gap and share thresholds are "≥"/">" as in the rule book table,
// compliance and dues are strictly "<"; a null rate (nothing due) triggers nothing.

import type { BranchFacts, LightResult, MemberFacts, Reason } from '../model.ts';
import type { RulesConfig } from './config.ts';
import { probationState } from './deadlines.ts';
import { taskOverdueDays } from './tasks.ts';
import { levelOf, worstLevel } from './levels.ts';
import { pct } from './ratio.ts';
import { termReason } from './term-reason.ts';

export interface BranchLightInput {
  facts: BranchFacts;
  current: MemberFacts[];
  gapMonths: number;
  redShare: number | null;
  compliance3m1l: number | null;
  duesLast: { month: string; rate: number | null };
}

type Rule = (i: BranchLightInput, asOf: number, r: RulesConfig) => Reason | null;

const orgLife: Rule = ({ gapMonths }, _, r) => {
  const t = r.thresholds.orgLife;
  const level = levelOf(gapMonths, { red: t.redGapMonths, yellow: t.yellowGapMonths }, 'atLeast');
  if (!level) return null;
  const threshold = level === 'red' ? t.redGapMonths : t.yellowGapMonths;
  return { rule: 'orgLife', level, value: gapMonths, threshold, message: `组织生活连续${gapMonths}个月未开展` };
};

const redMembers: Rule = ({ redShare }, _, r) => {
  const t = r.thresholds.redMembers;
  if (redShare == null) return null;
  const level = levelOf(redShare, t, 'above');
  if (!level) return null;
  const threshold = level === 'red' ? t.red : t.yellow;
  return { rule: 'redMembers', level, value: redShare, threshold, message: `红灯党员占比${pct(redShare)}，超过${pct(threshold)}` };
};

const term: Rule = ({ facts }, asOf, r) => termReason(facts.org, asOf, r);

const probation: Rule = ({ current }, asOf, r) => {
  const states = current
    .filter((m) => m.status === 'probationary' && m.probationStartedOn)
    .map((m) => probationState(m.probationStartedOn!, asOf, r));
  const past = states.filter((s) => s === 'past').length;
  const soon = states.filter((s) => s === 'soon').length;
  const days = r.thresholds.probation.warningDays;
  if (past > 0) return { rule: 'probation', level: 'red', value: past, threshold: 0, message: `${past}名预备党员预备期已满未转正` };
  if (soon > 0) return { rule: 'probation', level: 'yellow', value: soon, threshold: days, message: `${soon}名预备党员预备期将在${days}天内期满，请及时讨论转正` };
  return null;
};

const threeMeetings: Rule = ({ compliance3m1l: c }, _, r) => {
  const t = r.thresholds['3m1l'];
  if (c == null) return null;
  const level = levelOf(c, t, 'below');
  if (!level) return null;
  const threshold = level === 'red' ? t.red : t.yellow;
  return { rule: '3m1l', level, value: c, threshold, message: `今年三会一课完成率${pct(c)}，低于${pct(threshold)}` };
};

const dues: Rule = ({ duesLast }, _, r) => {
  const t = r.thresholds.dues;
  const rate = duesLast.rate;
  if (rate == null) return null;
  const level = levelOf(rate, t, 'below');
  if (!level) return null;
  const threshold = level === 'red' ? t.red : t.yellow;
  return { rule: 'dues', level, value: rate, threshold, message: `${duesLast.month}党费收缴率${pct(rate)}，低于${pct(threshold)}` };
};

const tasks: Rule = ({ facts }, asOf, r) => {
  const overdue = facts.tasks.map((t) => taskOverdueDays(t, asOf)).filter((d) => d > 0);
  if (overdue.length === 0) return null;
  const worst = Math.max(...overdue);
  const limit = r.thresholds.tasks.redOverdueDays;
  if (worst > limit) return { rule: 'tasks', level: 'red', value: worst, threshold: limit, message: `${overdue.length}项任务逾期，最长逾期${worst}天` };
  return { rule: 'tasks', level: 'yellow', value: worst, threshold: 0, message: `${overdue.length}项任务逾期未完成` };
};

const structure: Rule = ({ facts, current }, _, r) => {
  const t = r.thresholds.structure;
  const full = current.filter((m) => m.status === 'full').length;
  const tooBig = current.length > t.maxMembers;
  const needsCommittee = full >= t.committeeFullMembers && !facts.org.hasCommittee;
  if (!tooBig && !needsCommittee) return null;
  const parts: string[] = [];
  if (tooBig) parts.push(`党员${current.length}名，超过${t.maxMembers}名，宜调整为党总支`);
  if (needsCommittee) parts.push(`正式党员${full}名，应设立支部委员会`);
  // One reason for the rule; value and threshold describe the size test when it triggered.
  const [value, threshold] = tooBig ? [current.length, t.maxMembers] : [full, t.committeeFullMembers];
  return { rule: 'structure', level: 'yellow', value, threshold, message: parts.join('；') };
};

const RULES: Rule[] = [orgLife, redMembers, term, probation, threeMeetings, dues, tasks, structure];

export function branchLight(input: BranchLightInput, asOf: number, rules: RulesConfig): LightResult {
  const reasons = RULES.map((rule) => rule(input, asOf, rules)).filter((r): r is Reason => r != null);
  return { level: worstLevel(reasons), reasons };
}
