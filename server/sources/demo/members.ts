// Members of one branch: who they are (age, income, education by the branch's profile), when
// they joined, their groups and committee seats, and how they behave (absence, how they pay).

import type { Gender, GroupRow, IncomeKind, MemberRow } from '../../../shared/domain.ts';
import { addDaysToDate, addMonthsToDate, parseDate, type Month } from '../../../shared/periods.ts';
import { duesStandard } from '../../../shared/rules/dues-standard.ts';
import type { Issue } from './issues.ts';
import { ORDINALS, personName } from './names.ts';
import type { Rng } from './prng.ts';
import type { BranchSpec, Profile } from './tree.ts';
import type { HistoryWindow } from './window.ts';

export interface MemberPlan {
  row: MemberRow;
  orgSinceMs: number;
  due: number;
  /** Index into the branch's groups, or -1. */
  group: number;
  absence: number;
  leave: number;
  /** Pays a quarter at a time, in its first month. */
  quarterly: boolean;
  /** Months from this one on are unpaid (a red member). */
  unpaidFrom: Month | null;
  /** This one month is unpaid (the branch's dues rate). */
  missMonth: Month | null;
  /** From this instant on the member attends nothing. */
  absentFrom: number | null;
}

export interface BranchPlan {
  spec: BranchSpec;
  issue: Issue | null;
  members: MemberPlan[];
  groups: GroupRow[];
}

type Incomes = readonly (readonly [IncomeKind, number, number, number])[]; // kind, weight, min, max
interface ProfileSpec { age: [number, number]; male: number; incomes: Incomes; edu: readonly (readonly [string, number])[] }
const EDU_HIGH = [['研究生', 3], ['大学本科', 6], ['大学专科', 1]] as const;
const EDU_MID = [['大学本科', 4], ['大学专科', 3], ['高中', 2], ['中专', 1]] as const;
const EDU_LOW = [['大学专科', 1], ['高中', 3], ['初中', 4], ['小学', 1]] as const;
const PROFILES: Record<Profile, ProfileSpec> = {
  village: { age: [26, 86], male: 0.72, incomes: [['farmer', 6, 2000, 5000], ['retiree', 2, 1800, 4000], ['salary', 2, 3000, 8000]], edu: EDU_LOW },
  community: { age: [28, 82], male: 0.5, incomes: [['retiree', 4, 3000, 7500], ['salary', 5, 3500, 12000], ['unemployed', 1, 0, 0]], edu: EDU_MID },
  retiree: { age: [58, 92], male: 0.55, incomes: [['retiree', 1, 3000, 9000]], edu: EDU_MID },
  enterprise: { age: [22, 58], male: 0.65, incomes: [['salary', 1, 4000, 22000]], edu: EDU_MID },
  government: { age: [24, 59], male: 0.58, incomes: [['salary', 1, 7000, 16000]], edu: EDU_HIGH },
  school: { age: [24, 59], male: 0.35, incomes: [['salary', 1, 7000, 15000]], edu: EDU_HIGH },
  health: { age: [25, 59], male: 0.4, incomes: [['salary', 1, 8000, 20000]], edu: EDU_HIGH },
  institution: { age: [25, 59], male: 0.5, incomes: [['salary', 1, 5000, 13000]], edu: EDU_HIGH },
};
const PHONE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155',
  '157', '158', '159', '177', '180', '182', '186', '187', '188', '189', '199'];

const pad2 = (n: number) => String(n).padStart(2, '0');

export class MemberFactory {
  private seq = 0;
  constructor(private readonly win: HistoryWindow, private readonly phoneOffset: number) {}

  private one(rng: Rng, spec: BranchSpec, status: 'full' | 'probationary', probationStart: string | null): MemberPlan {
    const p = PROFILES[spec.profile];
    const { today, startDate } = this.win;
    const n = ++this.seq;
    const age = Math.round(p.age[0] + (p.age[1] - p.age[0]) * Math.pow(rng.next(), spec.profile === 'village' ? 0.8 : 1.1));
    const birthYear = this.win.year - age;
    const gender: Gender = rng.chance(p.male) ? 'M' : 'F';
    const birth = `${birthYear}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
    let joined: string;
    let orgSince: string;
    if (probationStart) {
      joined = orgSince = probationStart;
    } else if (age < 40 && rng.chance(0.04)) {
      // Converted to full membership during the window: joined 13–23 months ago.
      joined = orgSince = addDaysToDate(addMonthsToDate(today, -rng.int(13, 23)), -rng.int(0, 25));
    } else {
      const latest = Math.min(this.win.year - 2, birthYear + age - 2);
      const joinYear = Math.min(latest, birthYear + rng.int(19, Math.max(20, Math.min(45, age - 2))));
      joined = `${joinYear}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
      const moved = joinYear + Math.floor(Math.pow(rng.next(), 2) * (this.win.year - 1 - joinYear));
      orgSince = `${moved}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
      if (orgSince < joined) orgSince = joined;
      if (orgSince >= startDate) orgSince = addDaysToDate(startDate, -rng.int(1, 200));
      // A few moved here within the window (transferred in before it started being shown live).
      if (rng.chance(0.03)) orgSince = addDaysToDate(startDate, rng.int(10, 330));
    }
    let [kind, , lo, hi] = rng.weighted(p.incomes.map((row) => [row, row[1]] as const));
    // Working age decides salary or pension, whatever the branch.
    if (kind === 'salary' && age >= 62) [kind, lo, hi] = ['retiree', 2500, 7000];
    if (kind === 'retiree' && age < 55) [kind, lo, hi] = ['salary', 3500, 9000];
    const income = kind === 'unemployed' ? null : Math.round(rng.int(lo, hi) / 50) * 50;
    const due = duesStandard({ dues_monthly: null, monthly_income: income, income_kind: kind });
    const mobile = rng.chance(spec.profile === 'enterprise' || spec.profile === 'village' ? 0.05 : 0.02);
    const elderly = age >= 80;
    const row: MemberRow = {
      id: `M${String(n).padStart(6, '0')}`,
      name: personName(rng, gender, birthYear),
      org_code: spec.org.code,
      status,
      gender,
      birth_date: birth,
      joined_on: joined,
      org_since: orgSince,
      group_code: null,
      probation_started_on: probationStart,
      dues_monthly: rng.chance(0.5) ? due : null,
      monthly_income: income,
      income_kind: kind,
      on_committee: false,
      education: rng.weighted(p.edu),
      is_mobile: mobile,
      phone: rng.pick(PHONE_PREFIXES) + String((n * 37_139_213 + this.phoneOffset) % 100_000_000).padStart(8, '0'),
    };
    return {
      row,
      orgSinceMs: parseDate(orgSince)!,
      due,
      group: -1,
      absence: mobile ? 0.3 : elderly ? 0.12 : 0.03,
      leave: mobile ? 0.3 : elderly ? 0.25 : 0.04,
      quarterly: rng.chance(0.08),
      unpaidFrom: null,
      missMonth: null,
      absentFrom: null,
    };
  }

  branch(rng: Rng, spec: BranchSpec, issue: Issue | null): BranchPlan {
    const { today } = this.win;
    const members: MemberPlan[] = [];
    const probationShare = spec.profile === 'retiree' ? 0 : 0.025;
    const special = issue === 'probationY' || issue === 'probationR' ? 1 : 0;
    for (let i = 0; i < spec.size - special; i++) {
      const probation = rng.chance(probationShare) ? addDaysToDate(today, -rng.int(15, 320)) : null;
      members.push(this.one(rng, spec, probation ? 'probationary' : 'full', probation));
    }
    if (special) {
      const yearAgo = addMonthsToDate(today, -12);
      const start = issue === 'probationY' ? addDaysToDate(yearAgo, rng.int(3, 25)) : addDaysToDate(yearAgo, -rng.int(10, 80));
      members.push(this.one(rng, { ...spec, profile: spec.profile === 'retiree' ? 'community' : spec.profile }, 'probationary', start));
    }
    const full = members.filter((m) => m.row.status === 'full');
    const org = spec.org;
    org.has_committee = issue !== 'noCommittee' && (full.length >= 7 || (full.length >= 5 && rng.chance(0.2)));
    if (org.has_committee) {
      for (const m of full.slice(0, full.length >= 15 ? 5 : 3)) m.row.on_committee = true;
    }
    const groups: GroupRow[] = [];
    if (spec.size >= 18 && rng.chance(spec.profile === 'village' || spec.profile === 'community' || spec.profile === 'retiree' ? 0.75 : 0.45)) {
      const count = Math.min(5, Math.max(2, Math.floor(spec.size / 10)));
      for (let k = 0; k < count; k++) groups.push({ code: `${org.code}.P${k + 1}`, branch_code: org.code, name: `第${ORDINALS[k]}党小组` });
      members.forEach((m, i) => {
        m.group = i % count;
        m.row.group_code = groups[m.group].code;
      });
    }
    return { spec, issue, members, groups };
  }
}
