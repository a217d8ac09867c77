// 锋领指数 report of one member (leader profile): this year's points by item (INDICATORS.md,
// vanguard index), the member's rank among the current members of their branch and of the
// district (higher points first, equal points share a rank), and their light with its reasons.

import type { Light } from '../../shared/domain.ts';
import type { MemberResult, Reason } from '../../shared/model.ts';
import { formatInstant, yearOf } from '../../shared/periods.ts';
import type { RulesConfig } from '../../shared/rules/index.ts';
import { STATUS_ZH } from '../labels-zh.ts';
import type { Evaluation } from '../aggregate/engine.ts';
import type { Directory } from '../store/directory.ts';

type Item = keyof MemberResult['vanguardItems'];

export interface MemberReport {
  member: { id: string; name: string; status: string; statusLabel: string; branch: { code: string; name: string }; parentName: string | null };
  year: number;
  asOf: string;
  points: {
    total: number;
    /** quantity × per = points: meetings attended, months paid on time, posts created, hours served. */
    items: { item: Item; label: string; quantity: number; unit: string; per: number; points: number }[];
  };
  rank: { branch: { rank: number; of: number }; district: { rank: number; of: number } };
  light: Light;
  reasons: Reason[];
}

const ITEMS: { item: Item; label: string; unit: string; per: (v: RulesConfig['vanguard']) => number }[] = [
  { item: 'attendance', label: '参加三会一课及主题党日', unit: '次', per: (v) => v.attendance },
  { item: 'dues', label: '按时缴纳党费', unit: '个月', per: (v) => v.duesOnTime },
  { item: 'demoPosts', label: '创建示范岗', unit: '个', per: (v) => v.demoPost },
  { item: 'volunteer', label: '志愿服务', unit: '小时', per: (v) => v.volunteerPerHour },
];

const rankOf = (points: number[], own: number) => ({ rank: 1 + points.filter((p) => p > own).length, of: points.length });

/** Null when the id is not a current member at the evaluation's instant. */
export function buildMemberReport(dir: Directory, ev: Evaluation, id: string, rules: RulesConfig): MemberReport | null {
  const record = dir.members.get(id);
  const inBranch = record ? ev.members.get(record.org) ?? [] : [];
  const own = inBranch.find((m) => m.id === id);
  if (!record || !own) return null;
  const branch = dir.orgs.get(record.org)!;
  const everyone = [...ev.members.values()].flatMap((ms) => ms.map((m) => m.vanguard));
  return {
    member: {
      id,
      name: record.name,
      status: own.status,
      statusLabel: STATUS_ZH[own.status] ?? own.status,
      branch: { code: branch.code, name: branch.name },
      parentName: branch.parentCode ? dir.orgs.get(branch.parentCode)?.name ?? null : null,
    },
    year: yearOf(ev.asOf),
    asOf: formatInstant(ev.asOf),
    points: {
      total: own.vanguard,
      items: ITEMS.map(({ item, label, unit, per }) => {
        const p = per(rules.vanguard);
        const points = own.vanguardItems[item];
        return { item, label, unit, per: p, points, quantity: p > 0 ? points / p : 0 };
      }),
    },
    rank: {
      branch: rankOf(inBranch.map((m) => m.vanguard), own.vanguard),
      district: rankOf(everyone, own.vanguard),
    },
    light: own.light.level,
    reasons: own.light.reasons,
  };
}
