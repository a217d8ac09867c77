// 锋领指数: a member's points for this year (January up to asOf), by item so the screen can show
// where they came from. Points follow the member, wherever they belonged that month.

import type { MemberFacts, MemberResult } from '../model.ts';
import { thisYearMonths } from './calendar.ts';
import type { RulesConfig } from './config.ts';
import { isPaidOnTime } from './dues.ts';

export function vanguardPoints(member: MemberFacts, asOf: number, rules: RulesConfig): Pick<MemberResult, 'vanguard' | 'vanguardItems'> {
  const p = rules.vanguard;
  const items = { attendance: 0, dues: 0, demoPosts: 0, volunteer: 0 };
  for (const m of thisYearMonths(asOf)) {
    const mm = member.months[m];
    if (!mm) continue;
    items.attendance += mm.presentPoints * p.attendance;
    if (mm.due > 0 && isPaidOnTime(mm, m, asOf)) items.dues += p.duesOnTime;
    items.demoPosts += mm.demoPosts * p.demoPost;
    items.volunteer += mm.volunteerHours * p.volunteerPerHour;
  }
  return { vanguard: items.attendance + items.dues + items.demoPosts + items.volunteer, vanguardItems: items };
}
