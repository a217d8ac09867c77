// Development pipeline of a scope: people at each stage before probation, and probationary
// members whose conversion is due (year ends within warningDays) or overdue (year already over).

import { STAGES } from '../domain.ts';
import type { ApplicantFacts, MemberFacts } from '../model.ts';
import type { Pipeline } from '../snapshot.ts';
import type { RulesConfig } from './config.ts';
import { probationState } from './deadlines.ts';

export function pipelineCounts(applicants: ApplicantFacts[], members: MemberFacts[], asOf: number, rules: RulesConfig): Pipeline {
  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Pipeline['stages'];
  for (const a of applicants) stages[a.stage]++;
  const probationary = members.filter((m) => m.current && m.status === 'probationary');
  let conversionsDue = 0;
  let conversionsOverdue = 0;
  for (const m of probationary) {
    if (!m.probationStartedOn) continue;
    const state = probationState(m.probationStartedOn, asOf, rules);
    if (state === 'soon') conversionsDue++;
    if (state === 'past') conversionsOverdue++;
  }
  return { stages, probationary: probationary.length, conversionsDue, conversionsOverdue };
}
