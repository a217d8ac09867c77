// The term (换届) rule applies to every organisation with a known term start, branch or not, so
// both the branch light and the roll-up light use it. value = days until the term end (negative
// once past), threshold = the term end date.

import type { OrgType } from '../domain.ts';
import type { OrgNode, Reason } from '../model.ts';
import { dateOf } from '../periods.ts';
import type { RulesConfig } from './config.ts';
import { daysBetween, monthsPast, termState } from './deadlines.ts';

const ORG_WORD: Record<OrgType, string> = { district: '区委', committee: '党委', general_branch: '党总支', branch: '党支部' };

export function termReason(org: OrgNode, asOf: number, rules: RulesConfig): Reason | null {
  const term = termState(org, asOf, rules);
  if (!term || term.state === 'ok') return null;
  const word = ORG_WORD[org.type];
  const days = daysBetween(dateOf(asOf), term.end);
  if (term.state === 'past') {
    const months = monthsPast(term.end, asOf);
    const late = months >= 1 ? `已超期${months}个月` : '已到期';
    return { rule: 'term', level: 'red', value: days, threshold: term.end, message: `${word}换届${late} (应于${term.end}前换届)` };
  }
  return {
    rule: 'term',
    level: 'yellow',
    value: days,
    threshold: term.end,
    message: `${word}任期将于${term.end}届满，还有${days}天，请提前筹备换届`,
  };
}
