// Roll-up of a committee, general branch or the district from its children's evaluations. A
// child may itself be a roll-up, so everything carried must compose: counts add, every ratio
// adds numerator and denominator (never a mean of rates), and the score is carried as the
// member-weighted sum in ratio 'score.weighted'.

import type { OrgEvaluation, OrgNode, Ratio, Reason } from '../model.ts';
import type { RulesConfig } from './config.ts';
import { worstLevel } from './levels.ts';
import { pct, rate } from './ratio.ts';
import { termReason } from './term-reason.ts';

function sumCounts(children: OrgEvaluation[]): OrgEvaluation['counts'] {
  const c: OrgEvaluation['counts'] = {
    branches: 0,
    members: 0,
    probationary: 0,
    membersByLight: { red: 0, yellow: 0, green: 0 },
    branchesByLight: { red: 0, yellow: 0, green: 0, grey: 0 },
  };
  for (const ch of children) {
    c.branches += ch.counts.branches;
    c.members += ch.counts.members;
    c.probationary += ch.counts.probationary;
    for (const k of ['red', 'yellow', 'green'] as const) c.membersByLight[k] += ch.counts.membersByLight[k];
    for (const k of ['red', 'yellow', 'green', 'grey'] as const) c.branchesByLight[k] += ch.counts.branchesByLight[k];
  }
  return c;
}

/** Red when its own term is red or more than redBranchShare of its branches are red (strictly);
 * yellow when its term is yellow or any branch is red. */
function rollupLight(org: OrgNode, counts: OrgEvaluation['counts'], asOf: number, rules: RulesConfig) {
  const reasons: Reason[] = [];
  const term = termReason(org, asOf, rules);
  if (term) reasons.push(term);
  const red = counts.branchesByLight.red;
  if (red > 0) {
    const share = red / counts.branches;
    const limit = rules.thresholds.committee.redBranchShare;
    const level = share > limit ? 'red' : 'yellow';
    reasons.push({
      rule: 'redBranches',
      level,
      value: share,
      threshold: level === 'red' ? limit : 0,
      message: `${counts.branches}个支部中${red}个亮红灯 (${pct(share)})`,
    });
  }
  return { level: worstLevel(reasons), reasons };
}

export function rollupOrg(org: OrgNode, children: OrgEvaluation[], asOf: number, rules: RulesConfig): OrgEvaluation {
  // Accumulators are this roll-up's own objects: the children's figures are never written to.
  const ratios: Record<string, Ratio> = {};
  const indicators: Record<string, number | null> = {};
  for (const ch of children) {
    for (const id in ch.ratios) {
      const sum = (ratios[id] ??= { num: 0, den: 0 });
      sum.num += ch.ratios[id].num;
      sum.den += ch.ratios[id].den;
    }
    for (const id in ch.indicators) {
      const v = ch.indicators[id];
      if (v != null && id.startsWith('meetings.')) indicators[id] = ((indicators[id] as number | undefined) ?? 0) + v;
    }
  }
  const counts = sumCounts(children);
  for (const id in ratios) if (id !== 'score.weighted') indicators[id] = rate(ratios[id]);
  const score = rate(ratios['score.weighted']);
  indicators.score = score;
  indicators.members = counts.members;
  indicators.probationary = counts.probationary;
  return { code: org.code, type: org.type, asOf, indicators, ratios, light: rollupLight(org, counts, asOf, rules), score, counts };
}
