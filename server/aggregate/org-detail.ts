// The organisation scene's detail for one scope, from the rollups (through the live window's
// cache, so no SQL for the live instant) and the evaluation already made: members' lights and
// streaks are the evaluation's, never recomputed. Masking for the public profile happens here.

import type { Light } from '../../shared/domain.ts';
import { maskName } from '../../shared/mask.ts';
import type { BranchFacts, MemberResult, RuleCode } from '../../shared/model.ts';
import { CALENDAR_KINDS, TASK_LIMIT, type BranchRuleCount, type CalendarKind, type DetailMember, type DetailTask, type OrgDetail } from '../../shared/org-detail.ts';
import { addMonths, monthOf, monthRange } from '../../shared/periods.ts';
import { addRatio, branchDuesMonth, passedChecks, rate, taskOverdueDays, taskStatus, type RulesConfig } from '../../shared/rules/index.ts';
import type { Profile } from '../../shared/socket.ts';
import type { Directory } from '../store/directory.ts';
import type { RollupReader } from '../store/rollup-read.ts';
import type { Evaluation } from './engine.ts';
import { loadBranchFacts, type FactsLoader } from './load-facts.ts';
import { branchesOf } from './structure.ts';

export interface DetailDeps {
  reader: RollupReader;
  dir: Directory;
  rules: RulesConfig;
  /** When the organisation's current light began, if recorded. */
  since: number | null;
  /** The live evaluation's loader, whose members' facts are kept between evaluations: a
   * committee of 400 branches then reads its ~7,000 members' facts instead of rebuilding them
   * (about a third of its detail). Omitted: every member's facts are built afresh. */
  loadFacts?: FactsLoader;
}

const LIGHT_ORDER: Record<Light, number> = { red: 0, yellow: 1, grey: 2, green: 3 };
const TASK_ORDER = { overdueLong: 0, overdue: 0, open: 1, done: 2 } as const;

export function buildOrgDetail(ev: Evaluation, code: string, profile: Profile, deps: DetailDeps): OrgDetail {
  const { dir, rules } = deps;
  const node = dir.orgs.get(code)!;
  const e = ev.orgs.get(code);
  const asOf = ev.asOf;
  const current = monthOf(asOf);
  const months = monthRange(addMonths(current, -11), current);
  const branches = branchesOf(dir, code);
  const facts = deps.loadFacts ? deps.loadFacts(asOf, branches) : loadBranchFacts(deps.reader, dir, asOf, branches);
  const publicWall = profile === 'public';

  const meetings = Object.fromEntries(CALENDAR_KINDS.map((k) => [k, months.map(() => 0)])) as Record<CalendarKind, number[]>;
  const paid = months.map(() => ({ num: 0, den: 0 }));
  const onTime = months.map(() => ({ num: 0, den: 0 }));
  for (const [b, f] of facts) {
    months.forEach((m, i) => {
      for (const k of CALENDAR_KINDS) meetings[k][i] += f.meetings[m]?.kinds[k] ?? 0;
      const d = branchDuesMonth(b, f.members, m, asOf);
      paid[i] = addRatio(paid[i], d.paid);
      onTime[i] = addRatio(onTime[i], d.onTime);
    });
  }

  // A small branch is not named to the public next to an overdue task (as in warnings).
  const orgName = (b: string) => {
    const o = dir.orgs.get(b)!;
    const size = ev.orgs.get(b)?.counts.members ?? 0;
    if (!publicWall || size >= rules.privacy.smallBranchSize) return o.name;
    const parent = o.parentCode ? dir.orgs.get(o.parentCode) : undefined;
    return parent ? `${parent.name}下属支部` : '某支部';
  };

  return {
    org: { code, name: node.name, type: node.type, parentCode: node.parentCode },
    asOf,
    profile: publicWall ? 'public' : 'leader',
    light: { level: e?.light.level ?? 'grey', reasons: e?.light.reasons ?? [], checks: e ? passedChecks(e, node, asOf, rules) : [], since: deps.since },
    months,
    meetings,
    dues: { rate: paid.map(rate), onTime: onTime.map(rate), redBelow: rules.thresholds.dues.red },
    tasks: detailTasks(facts, asOf, rules, orgName),
    members: node.type === 'branch' ? detailMembers(ev.members.get(code) ?? [], publicWall) : null,
    branchRules: node.type === 'branch' ? null : branchRules(ev, branches),
  };
}

/** How many of `branches` each rule turned red or yellow: most red first, then most yellow. */
function branchRules(ev: Evaluation, branches: string[]): BranchRuleCount[] {
  const by = new Map<RuleCode, BranchRuleCount>();
  for (const b of branches) {
    for (const r of ev.orgs.get(b)?.light.reasons ?? []) {
      let c = by.get(r.rule);
      if (!c) by.set(r.rule, (c = { rule: r.rule, red: 0, yellow: 0 }));
      c[r.level] += 1;
    }
  }
  return [...by.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.rule.localeCompare(b.rule));
}

function detailTasks(facts: Map<string, BranchFacts>, asOf: number, rules: RulesConfig, orgName: (code: string) => string): OrgDetail['tasks'] {
  const all: DetailTask[] = [];
  for (const [b, f] of facts) {
    for (const t of f.tasks) {
      all.push({ id: t.id, title: t.title, orgName: orgName(b), dueOn: t.dueOn, completedOn: t.completedOn, status: taskStatus(t, asOf, rules), overdueDays: taskOverdueDays(t, asOf) });
    }
  }
  all.sort(
    (a, b) =>
      TASK_ORDER[a.status] - TASK_ORDER[b.status] ||
      b.overdueDays - a.overdueDays ||
      (a.status === 'done' ? b.dueOn.localeCompare(a.dueOn) : a.dueOn.localeCompare(b.dueOn)) ||
      a.id.localeCompare(b.id),
  );
  const count = (pred: (t: DetailTask) => boolean) => all.filter(pred).length;
  return {
    total: all.length,
    done: count((t) => t.status === 'done'),
    open: count((t) => t.status === 'open'),
    overdue: count((t) => t.status === 'overdue' || t.status === 'overdueLong'),
    items: all.slice(0, TASK_LIMIT),
  };
}

function detailMembers(results: MemberResult[], publicWall: boolean): DetailMember[] {
  return results
    .map((m) => ({
      id: publicWall ? null : m.id,
      name: publicWall ? maskName(m.name) : m.name,
      status: m.status,
      light: m.light.level,
      unpaidStreak: m.unpaidStreak,
      absenceStreak: m.absenceStreak,
      vanguard: m.vanguard,
    }))
    .sort((a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || b.unpaidStreak + b.absenceStreak - (a.unpaidStreak + a.absenceStreak) || a.name.localeCompare(b.name, 'zh'));
}
