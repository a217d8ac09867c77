// The indicator library as data: every id the API, the socket and the screen may carry, with
// its labels in both languages. Ids with <month>, <kind> or <period> are patterns; indicatorDef()
// resolves a concrete id ('dues.rate.2026-03') to its definition.

import { MEETING_KINDS } from '../domain.ts';
import type { RuleCode } from '../model.ts';

export type IndicatorUnit = 'ratio' | 'count' | 'months' | 'points' | 'score';
/** 'branch': branches only; 'org': branches and roll-ups; 'member': one member. */
export type IndicatorLevel = 'branch' | 'org' | 'member';

export interface IndicatorDef {
  id: string;
  zh: string;
  en: string;
  unit: IndicatorUnit;
  level: IndicatorLevel;
  period: 'year' | 'month' | 'asOf' | 'month or year';
  description: string;
}

const def = (id: string, zh: string, en: string, unit: IndicatorUnit, level: IndicatorLevel, period: IndicatorDef['period'], description: string): IndicatorDef =>
  ({ id, zh, en, unit, level, period, description });

export const INDICATORS: readonly IndicatorDef[] = [
  def('compliance.3m1l', '三会一课完成率', '3+1 compliance', 'ratio', 'org', 'year', 'Fulfilled / required slots of the four 三会一课 kinds this year; null when nothing is required yet.'),
  def('compliance.theme_day', '主题党日完成率', 'Theme day compliance', 'ratio', 'org', 'year', 'Fulfilled / required monthly theme_day slots this year.'),
  def('compliance.3m1l.<month>', '三会一课月度完成率', '3+1 compliance by month', 'ratio', 'org', 'month', 'Slots of 三会一课 kinds that end in the month; the current month only once fulfilled.'),
  def('compliance.theme_day.<month>', '主题党日月度完成率', 'Theme day compliance by month', 'ratio', 'org', 'month', 'The month’s theme_day slot; the current month only once fulfilled.'),
  def('attendance.rate', '组织生活出勤率', 'Attendance rate', 'ratio', 'org', 'year', 'Present / expected attendees at this year’s general meetings, party lessons and theme days; leave is not present.'),
  def('dues.rate.ytd', '党费收缴率（年度）', 'Dues paid, year to date', 'ratio', 'org', 'year', 'Paid / due member-months over the completed months of this year.'),
  def('dues.onTime.ytd', '党费按时缴纳率（年度）', 'Dues on time, year to date', 'ratio', 'org', 'year', 'Member-months paid by the end of their month / due, completed months of this year.'),
  def('dues.rate.<month>', '党费月度收缴率', 'Dues paid by month', 'ratio', 'org', 'month', 'Paid / due member-months of the month, payments up to asOf.'),
  def('dues.onTime.<month>', '党费月度按时缴纳率', 'Dues on time by month', 'ratio', 'org', 'month', 'Member-months of the month paid by its end / due.'),
  def('orgLife.gapMonths', '组织生活空白月数', 'Months without org life', 'months', 'branch', 'asOf', 'Consecutive completed months without any 三会一课 meeting or theme day; 0 when held this month.'),
  def('redMembers.share', '红灯党员占比', 'Share of red members', 'ratio', 'org', 'asOf', 'Red-light members / current members.'),
  def('score', '党建综合得分', 'Score', 'score', 'org', 'year', 'Weighted components minus the light penalty, 0–100; for a roll-up the member-weighted mean of branch scores.'),
  def('members', '党员数', 'Members', 'count', 'org', 'asOf', 'Current members (full and probationary).'),
  def('probationary', '预备党员数', 'Probationary members', 'count', 'org', 'asOf', 'Current probationary members.'),
  def('meetings.<kind>.<period>', '会议次数', 'Meetings held', 'count', 'org', 'month or year', 'Meetings of the kind held in the month (YYYY-MM) or year (YYYY) of this year.'),
  def('vanguard', '锋领指数', 'Vanguard index', 'points', 'member', 'year', 'Attendance 1, on-time dues month 1, demonstration post 2, volunteer hour 0.5, this year.'),
  def('dues.unpaidStreak', '连续未缴党费月数', 'Months of unpaid dues', 'months', 'member', 'asOf', 'Consecutive unpaid completed months; six means 自行脱党 risk.'),
  def('absenceStreak', '连续缺席组织生活月数', 'Months absent', 'months', 'member', 'asOf', 'Consecutive completed months expected and neither present nor excused (12 months at most).'),
];

const PLACEHOLDERS: Record<string, string> = {
  '<month>': '\\d{4}-(?:0[1-9]|1[0-2])',
  '<kind>': `(?:${MEETING_KINDS.join('|')})`,
  '<period>': '\\d{4}(?:-(?:0[1-9]|1[0-2]))?',
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MATCHERS = INDICATORS.map((d) => ({
  def: d,
  re: new RegExp(`^${escape(d.id).replace(/<\w+>/g, (p) => PLACEHOLDERS[p])}$`),
}));

/** The definition of a concrete indicator id, or undefined for an unknown id. */
export function indicatorDef(id: string): IndicatorDef | undefined {
  return MATCHERS.find((m) => m.re.test(id))?.def;
}

export const RULE_LABELS: Record<RuleCode, { zh: string; en: string }> = {
  orgLife: { zh: '组织生活', en: 'Organisational life' },
  redMembers: { zh: '红灯党员占比', en: 'Share of red members' },
  term: { zh: '按期换届', en: 'Committee term' },
  probation: { zh: '预备党员转正', en: 'Probation' },
  '3m1l': { zh: '三会一课', en: '3+1 meetings' },
  dues: { zh: '党费收缴', en: 'Dues' },
  tasks: { zh: '任务落实', en: 'Task plans' },
  structure: { zh: '组织设置', en: 'Size and committee' },
  redBranches: { zh: '下属支部红灯', en: 'Red branches' },
};
