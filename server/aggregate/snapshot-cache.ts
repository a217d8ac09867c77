// What a district snapshot is built from, kept between builds. The root scope's snapshot is
// rebuilt every push window while events flow, and a window changes a few dozen of its ~2,300
// branches: so what a snapshot shows of one branch (its names, its map point, its ranking score)
// is worked out once per evaluation of that branch, the scope's ranking order is kept and moved
// by the branches that changed, and the scope's shape (its organisations and branches) is kept
// until the directory changes. A build with a fresh cache gives the same snapshot, only slower.

import type { MemberFacts, OrgEvaluation, OrgNode } from '../../shared/model.ts';
import type { Light } from '../../shared/domain.ts';
import type { MapPoint, WarningItem } from '../../shared/snapshot.ts';
import { rankOrder, round2 } from '../../shared/rules/index.ts';
import type { Directory } from '../store/directory.ts';
import { descendants } from './structure.ts';

/** How a profile names organisations: `key` tells namings apart in the cache. */
export interface Naming {
  key: string;
  /** The name in a negative context (generalised on the public wall for a small branch). */
  nameOf(code: string): string;
  /** The name beside its light: generalised like nameOf when that light is red or yellow. */
  nameBesideLight(code: string): string;
}

/** What a snapshot shows of one branch, for one evaluation of it and one naming. */
export interface BranchView {
  code: string;
  e: OrgEvaluation | undefined;
  node: OrgNode;
  parent: OrgNode | undefined;
  name: string;
  /** The name at the bottom of a ranking (nameOf). */
  bottomName: string;
  parentName: string | null;
  /** The score as rankings compare and show it (two decimals), null when not ranked. */
  score: number | null;
  light: Light;
  point: MapPoint | null;
}

export interface ScopeShape {
  version: number;
  codes: string[];
  codeSet: Set<string>;
  branches: string[];
}

interface RankState {
  branches: string[];
  seen: Map<string, BranchView>;
  /** Ranked views (score not null), best first. */
  sorted: BranchView[];
}

/** Above this many changed branches, the ranking is sorted afresh rather than moved. */
const MOVE_AT_MOST = 256;

const viewOrder = (a: BranchView, b: BranchView) => rankOrder(a as { score: number; code: string }, b as { score: number; code: string });

export class SnapshotCache {
  private shapes = new Map<string, ScopeShape>();
  private views = new Map<string, WeakMap<OrgEvaluation, BranchView>>();
  private warnings = new Map<string, WeakMap<OrgEvaluation, WarningItem>>();
  private rankings = new Map<string, RankState>();
  private counted = new WeakMap<MemberFacts[], number>();

  /** The scope's organisations (itself first) and its branches, while the directory is unchanged. */
  shape(dir: Directory, scope: string): ScopeShape {
    const kept = this.shapes.get(scope);
    if (kept && kept.version === dir.version) return kept;
    const codes = descendants(dir, scope);
    const shape = { version: dir.version, codes, codeSet: new Set(codes), branches: codes.filter((c) => dir.orgs.get(c)?.type === 'branch') };
    this.shapes.set(scope, shape);
    return shape;
  }

  /** What the snapshot shows of branch `code` as evaluated in `e`. */
  view(dir: Directory, code: string, e: OrgEvaluation | undefined, naming: Naming): BranchView {
    const node = dir.orgs.get(code)!;
    const parent = node.parentCode ? dir.orgs.get(node.parentCode) : undefined;
    let byEval = this.views.get(naming.key);
    if (!byEval) this.views.set(naming.key, (byEval = new WeakMap()));
    const kept = e && byEval.get(e);
    // The same evaluation of the same organisation under the same parent: the same view.
    if (kept && kept.node === node && kept.parent === parent) return kept;
    const name = naming.nameBesideLight(code);
    const light = (e?.light.level ?? 'grey') as Light;
    const view: BranchView = {
      code,
      e,
      node,
      parent,
      name,
      bottomName: naming.nameOf(code),
      parentName: parent?.name ?? null,
      score: e && e.score !== null ? round2(e.score) : null,
      light,
      point:
        node.lng !== null && node.lat !== null
          ? { code, name, parentCode: node.parentCode, lng: node.lng, lat: node.lat, light, score: e?.score ?? null, members: e?.counts.members ?? 0, region: node.region }
          : null,
    };
    if (e) byEval.set(e, view);
    return view;
  }

  /**
   * The scope's ranked branches, best first (the order of rankBranches). The order of the last
   * build is kept and only the branches whose view changed are taken out and put back in.
   */
  ranking(key: string, branches: string[], views: BranchView[]): BranchView[] {
    const state = this.rankings.get(key);
    if (!state || state.branches !== branches) return this.rankAfresh(key, branches, views);
    const changed: BranchView[] = [];
    for (const v of views) if (state.seen.get(v.code) !== v) changed.push(v);
    if (changed.length === 0) return state.sorted;
    if (changed.length > MOVE_AT_MOST) return this.rankAfresh(key, branches, views);
    const moved = new Set(changed.map((v) => v.code));
    const sorted = state.sorted.filter((v) => !moved.has(v.code));
    for (const v of changed) {
      state.seen.set(v.code, v);
      if (v.score === null) continue;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (viewOrder(sorted[mid], v) < 0) lo = mid + 1;
        else hi = mid;
      }
      sorted.splice(lo, 0, v);
    }
    state.sorted = sorted;
    return sorted;
  }

  private rankAfresh(key: string, branches: string[], views: BranchView[]): BranchView[] {
    const sorted = views.filter((v) => v.score !== null).sort(viewOrder);
    this.rankings.set(key, { branches, seen: new Map(views.map((v) => [v.code, v])), sorted });
    return sorted;
  }

  /** A warning item for an organisation's red or yellow light, kept while its light and since are. */
  warning(code: string, o: OrgEvaluation, since: number | null, naming: Naming): WarningItem {
    let byEval = this.warnings.get(naming.key);
    if (!byEval) this.warnings.set(naming.key, (byEval = new WeakMap()));
    const kept = byEval.get(o);
    if (kept && kept.since === since) return kept;
    const item: WarningItem = { code, name: naming.nameOf(code), level: o.light.level as 'red' | 'yellow', reasons: o.light.reasons, since };
    byEval.set(o, item);
    return item;
  }

  /** Probationary members among the scope's members (a kept list), counted once per list. */
  probationary(members: MemberFacts[]): number {
    let n = this.counted.get(members);
    if (n === undefined) {
      n = 0;
      for (const m of members) if (m.status === 'probationary') n += 1;
      this.counted.set(members, n);
    }
    return n;
  }
}
