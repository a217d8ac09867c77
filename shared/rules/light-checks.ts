// The health check behind a light (体检清单): the rules of the rule book that apply to an
// organisation and did not trigger, each with what it reads now and the line it is held to, so a
// green light can say why it is green as plainly as a red one says why it is red. The rules that
// triggered are the light's reasons, with their own value and threshold; they are not repeated.
// A branch is held to the branch light's rules; a committee, general branch or the district to
// its own light's (the term, and its red branches).

import type { OrgEvaluation, OrgNode, RuleCode } from '../model.ts';
import { lastCompletedMonth } from './calendar.ts';
import type { RulesConfig } from './config.ts';
import { termState } from './deadlines.ts';

export interface LightCheck {
  rule: RuleCode;
  /** What the rule reads now, in the unit of its reason's value (rates as fractions); null when
   * there is nothing to read yet (no members, nothing required so far this year). */
  value: number | string | null;
  /** The line a worse value would cross first (the yellow one), or the term's end date. */
  threshold: number | string | null;
}

const BRANCH_RULES: readonly RuleCode[] = ['orgLife', 'redMembers', 'term', 'probation', '3m1l', 'dues', 'tasks', 'structure'];
const ROLLUP_RULES: readonly RuleCode[] = ['term', 'redBranches'];

/** The checks `e` passed, in the rule book's order; none for an organisation not yet evaluated (grey). */
export function passedChecks(e: OrgEvaluation, org: OrgNode, asOf: number, rules: RulesConfig): LightCheck[] {
  if (e.light.level === 'grey') return [];
  const t = rules.thresholds;
  const triggered = new Set(e.light.reasons.map((r) => r.rule));
  const ind = e.indicators;
  const lastMonth = lastCompletedMonth(asOf);
  const out: LightCheck[] = [];
  for (const rule of e.type === 'branch' ? BRANCH_RULES : ROLLUP_RULES) {
    if (triggered.has(rule)) continue;
    switch (rule) {
      case 'orgLife':
        out.push({ rule, value: ind['orgLife.gapMonths'] ?? null, threshold: t.orgLife.yellowGapMonths });
        break;
      case 'redMembers':
        out.push({ rule, value: ind['redMembers.share'] ?? null, threshold: t.redMembers.yellow });
        break;
      case 'term': {
        // Only where a term is known: a branch without a committee has none to renew.
        const term = termState(org, asOf, rules);
        if (term) out.push({ rule, value: null, threshold: term.end });
        break;
      }
      case 'probation':
        out.push({ rule, value: ind.probationary ?? 0, threshold: t.probation.warningDays });
        break;
      case '3m1l':
        out.push({ rule, value: ind['compliance.3m1l'] ?? null, threshold: t['3m1l'].yellow });
        break;
      case 'dues':
        out.push({ rule, value: ind[`dues.rate.${lastMonth}`] ?? null, threshold: t.dues.yellow });
        break;
      case 'tasks':
        out.push({ rule, value: 0, threshold: null });
        break;
      case 'structure':
        out.push({ rule, value: e.counts.members, threshold: t.structure.maxMembers });
        break;
      case 'redBranches':
        out.push({ rule, value: 0, threshold: t.committee.redBranchShare });
        break;
    }
  }
  return out;
}
