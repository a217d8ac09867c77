// The deterministic demo district: generateDemo({ seed, scale, clock }) → the import contract's
// rows, a demo map of the district's regions, and what a presenter needs to know about it.
// A pure function of its options: same seed, scale and clock → byte-identical rows.

import type { Dataset, OrgRow } from '../../../shared/domain.ts';
import { addMonthsToDate, formatInstant } from '../../../shared/periods.ts';
import { buildDistrictTree } from './district.ts';
import { plantDues, DuesWriter } from './dues.ts';
import { ExtrasWriter } from './extras.ts';
import { plantIssues, type Issue, type PlantedIssue } from './issues.ts';
import { buildGeometry, toFeatureCollection, type FeatureCollection } from './map.ts';
import { MeetingWriter } from './meetings.ts';
import { MemberFactory, type BranchPlan } from './members.ts';
import { DISTRICT_NAMES, NameBook } from './names.ts';
import { deriveSeed, fork, type Rng } from './prng.ts';
import { buildSmallTree, TreeBuilder, type BranchSpec } from './tree.ts';
import { historyWindow } from './window.ts';

export { summariseDataset, type DatasetSummary } from './summary.ts';
export type { FeatureCollection, PolygonFeature } from './map.ts';
export type { Issue, PlantedIssue } from './issues.ts';

export type DemoScale = 'small' | 'district';
export interface DemoOptions {
  seed: number;
  scale: DemoScale;
  /** Epoch ms: the history ends here. */
  clock: number;
}
export interface DemoMeta {
  districtName: string;
  regions: { name: string; lng: number; lat: number }[];
  scale: DemoScale;
  clock: string;
  /** Branches (and a committee) given a problem on purpose; every other branch is generated healthy. */
  planted: PlantedIssue[];
}
export interface DemoResult {
  dataset: Dataset;
  map: FeatureCollection;
  meta: DemoMeta;
}

const REGIONS = 12;
const STREETS = 6;
const TARGET_MEMBERS: Record<DemoScale, number> = { small: 325, district: 47_400 };
/** The urban core: the regions nearest to it are streets (街道), the rest towns (镇). */
const CORE = [121.58, 29.88] as const;

/** Grows or shrinks ordinary branches one member at a time, bigger ones more often. */
function fitMembers(rng: Rng, branches: BranchSpec[], target: number): void {
  let total = branches.reduce((a, b) => a + b.size, 0);
  const pool = branches.filter((b) => !b.big);
  while (total !== target) {
    const b = rng.pick(pool);
    if (!rng.chance(b.size / 48)) continue;
    if (total < target && b.size < 48) { b.size++; total++; }
    else if (total > target && b.size > 3) { b.size--; total--; }
  }
}

function plantTerm(rng: Rng, org: OrgRow, today: string, issue: Issue): void {
  const months = (org.term_years ?? 3) * 12;
  org.term_started_on = issue === 'termY' ? addMonthsToDate(today, rng.int(1, 5) - months) : addMonthsToDate(today, -months - rng.int(1, 10));
}

export function generateDemo(opts: DemoOptions): DemoResult {
  const { seed, scale } = opts;
  const win = historyWindow(opts.clock);
  const names = new NameBook(fork(seed, 'names'));
  const districtName = fork(seed, 'district').pick(DISTRICT_NAMES);

  const raw = buildGeometry(fork(seed, 'map'), REGIONS);
  const dist = (i: number) => Math.hypot((raw.centres[i][0] - CORE[0]) * 0.87, raw.centres[i][1] - CORE[1]);
  const order = raw.centres.map((_, i) => i).sort((a, b) => dist(a) - dist(b) || a - b);
  const geo = { centres: order.map((i) => raw.centres[i]), cells: order.map((i) => raw.cells[i]) };
  const regionNames = order.map((_, i) => names.region() + (i < STREETS ? '街道' : '镇'));

  const builder = new TreeBuilder(fork(seed, 'tree'), geo, regionNames, win);
  const tree = scale === 'district'
    ? buildDistrictTree(builder, fork(seed, 'layout'), names, districtName, STREETS)
    : buildSmallTree(builder, districtName, STREETS + 1, names.enterprise('数控机床'));
  fitMembers(fork(seed, 'fit'), tree.branches, TARGET_MEMBERS[scale]);

  const issues = plantIssues(fork(seed, 'issues'), tree.branches, scale);
  const planted: PlantedIssue[] = [];
  const termRng = fork(seed, 'term');
  for (const b of tree.branches) {
    const issue = issues.get(b.org.code);
    if (!issue) continue;
    planted.push({ code: b.org.code, issue });
    if (issue === 'termY' || issue === 'termR') plantTerm(termRng, b.org, win.today, issue);
  }
  if (scale === 'district') {
    // One street committee due for re-election soon: a committee's own term light.
    const committee = tree.orgs.find((o) => o.type === 'committee')!;
    plantTerm(termRng, committee, win.today, 'termY');
    planted.push({ code: committee.code, issue: 'termY' });
    planted.sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  const factory = new MemberFactory(win, deriveSeed(seed, 'phone') % 100_000_000);
  const plans: BranchPlan[] = tree.branches.map((spec, i) => {
    const plan = factory.branch(fork(seed, 'members', i), spec, issues.get(spec.org.code) ?? null);
    plantDues(fork(seed, 'plant', i), win, plan);
    return plan;
  });

  const meetings = new MeetingWriter(win);
  const dues = new DuesWriter(win);
  const extras = new ExtrasWriter(win);
  plans.forEach((plan, i) => {
    meetings.branch(fork(seed, 'meetings', i), plan);
    dues.branch(fork(seed, 'dues', i), plan);
    const rng = fork(seed, 'extras', i);
    extras.activitiesFor(rng, plan);
    extras.applicantsFor(rng, plan);
  });
  const taskRng = fork(seed, 'tasks');
  for (const org of tree.orgs) if (org.type !== 'district') extras.tasksFor(taskRng, org, issues.get(org.code) ?? null);

  const dataset: Dataset = {
    orgs: tree.orgs,
    groups: plans.flatMap((p) => p.groups),
    members: plans.flatMap((p) => p.members.map((m) => m.row)),
    meetings: meetings.meetings,
    attendance: meetings.attendance,
    dues: dues.rows,
    activities: extras.activities,
    tasks: extras.tasks,
    applicants: extras.applicants,
  };
  const r5 = (v: number) => Math.round(v * 1e5) / 1e5;
  return {
    dataset,
    map: toFeatureCollection(geo, regionNames),
    meta: {
      districtName,
      regions: regionNames.map((name, i) => ({ name, lng: r5(geo.centres[i][0]), lat: r5(geo.centres[i][1]) })),
      scale,
      clock: formatInstant(opts.clock),
      planted,
    },
  };
}
