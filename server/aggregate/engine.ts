// Evaluation of the whole tree as of an instant, and incremental re-evaluation: an event touches
// its branch, and only that branch and its ancestors are recomputed (committees roll up from
// their children's kept ratios, never by rescanning).

import type { LightResult, MemberResult, OrgEvaluation } from '../../shared/model.ts';
import { evaluateBranch, rerollOrg, rollupOrg, type ChildChange, type RulesConfig } from '../../shared/rules/index.ts';
import { ancestors, type Directory } from '../store/directory.ts';
import type { RollupReader } from '../store/rollup-read.ts';
import { loadBranchFacts, type FactsLoader } from './load-facts.ts';

export interface Evaluation {
  asOf: number;
  orgs: Map<string, OrgEvaluation>;
  /** Current members' results per branch. */
  members: Map<string, MemberResult[]>;
}

export interface LightChange {
  code: string;
  at: number;
  from: LightResult['level'] | null;
  to: LightResult['level'];
  light: LightResult;
}

export interface EngineDeps {
  loadFacts: FactsLoader;
  dir: Directory;
  rules: () => RulesConfig;
}

/** What an evaluation reads from: a rollup reader beside the directory and the rules. */
export interface ReaderDeps {
  reader: RollupReader;
  dir: Directory;
  rules: () => RulesConfig;
}

/** An engine that builds every branch's facts afresh from `reader`: past instants, background
 * work and tests. The live evaluation keeps members' facts instead (createFactsLoader). */
export function freshEngine({ reader, dir, rules }: ReaderDeps): EngineDeps {
  return { loadFacts: (asOf, branches) => loadBranchFacts(reader, dir, asOf, branches), dir, rules };
}

/** Children before parents: the order in which roll-ups can be computed. */
export function postOrder(dir: Directory, root: string | null): string[] {
  const out: string[] = [];
  const walk = (code: string) => {
    const node = dir.orgs.get(code);
    if (!node) return;
    for (const c of node.children) walk(c);
    out.push(code);
  };
  if (root) walk(root);
  return out;
}

export function evaluateBranches(deps: EngineDeps, asOf: number, target: Evaluation, branches?: string[]): void {
  const rules = deps.rules();
  for (const [code, facts] of deps.loadFacts(asOf, branches)) {
    const { evaluation, members } = evaluateBranch(facts, asOf, rules);
    target.orgs.set(code, evaluation);
    target.members.set(
      code,
      members.filter((m) => facts.members.find((f) => f.id === m.id)?.current),
    );
  }
}

/**
 * Rolls one organisation up from its children's evaluations in `target`. Given `replaced` (the
 * evaluations this refresh has replaced, by code), it moves the previous roll-up by what changed
 * in the children instead of summing every child again (rerollOrg: the same result, exactly).
 */
export function rollup(deps: EngineDeps, asOf: number, target: Evaluation, code: string, replaced?: ReadonlyMap<string, OrgEvaluation>): void {
  const org = deps.dir.orgs.get(code)!;
  const children = org.children.map((c) => target.orgs.get(c)).filter((e): e is OrgEvaluation => e !== undefined);
  const previous = replaced?.get(code);
  if (previous) {
    const changed: ChildChange[] = [];
    let known = true;
    for (const c of org.children) {
      const before = replaced!.get(c);
      const after = target.orgs.get(c);
      if (!before) continue;
      if (!after) known = false;
      else changed.push({ before, after });
    }
    if (known && children.length === org.children.length) {
      target.orgs.set(code, rerollOrg(org, previous, changed, children, asOf, deps.rules()));
      return;
    }
  }
  target.orgs.set(code, rollupOrg(org, children, asOf, deps.rules()));
}

export function evaluateAll(deps: EngineDeps, asOf: number): Evaluation {
  const ev: Evaluation = { asOf, orgs: new Map(), members: new Map() };
  evaluateBranches(deps, asOf, ev);
  for (const code of postOrder(deps.dir, deps.dir.root)) {
    if (deps.dir.orgs.get(code)!.type !== 'branch') rollup(deps, asOf, ev, code);
  }
  return ev;
}

/**
 * Re-evaluates the touched organisations and their ancestors in place, as of `asOf`.
 * Returns the codes re-evaluated (nearest first) and the lights that changed.
 */
export function refresh(deps: EngineDeps, ev: Evaluation, touched: Iterable<string>, asOf: number): { codes: string[]; changes: LightChange[] } {
  const before = new Map<string, LightResult['level']>();
  const branches = new Set<string>();
  const upward = new Set<string>();
  for (const code of touched) {
    const node = deps.dir.orgs.get(code);
    if (!node) continue;
    if (node.type === 'branch') branches.add(code);
    else upward.add(code);
    for (const a of ancestors(deps.dir, code)) upward.add(a);
  }
  // What each re-evaluated organisation was, so its parent can move by the difference.
  const replaced = new Map<string, OrgEvaluation>();
  for (const c of [...branches, ...upward]) {
    const old = ev.orgs.get(c);
    before.set(c, old?.light.level ?? (null as never));
    if (old) replaced.set(c, old);
  }
  ev.asOf = asOf;
  if (branches.size) evaluateBranches(deps, asOf, ev, [...branches]);
  // Deepest first, so every parent sees its children's new figures.
  const depth = (c: string) => ancestors(deps.dir, c).length;
  const ordered = [...upward].sort((a, b) => depth(b) - depth(a));
  for (const code of ordered) rollup(deps, asOf, ev, code, replaced);
  const codes = [...branches, ...ordered];
  const changes: LightChange[] = [];
  for (const code of codes) {
    const now = ev.orgs.get(code);
    if (now && before.get(code) !== now.light.level) {
      changes.push({ code, at: asOf, from: before.get(code) ?? null, to: now.light.level, light: now.light });
    }
  }
  return { codes, changes };
}

/** Lights that differ between two full evaluations (the daily tick). */
export function diffLights(prev: Evaluation, next: Evaluation): LightChange[] {
  const out: LightChange[] = [];
  for (const [code, e] of next.orgs) {
    const old = prev.orgs.get(code)?.light.level ?? null;
    if (old !== e.light.level) out.push({ code, at: next.asOf, from: old, to: e.light.level, light: e.light });
  }
  return out;
}
