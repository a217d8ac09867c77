// Deltas between two snapshots of a scope, and applying them. Sections are compared by their
// JSON; the map points are diffed one by one so a check-in does not resend 2,650 points.

import type { Patch, WallSnapshot } from './snapshot.ts';

// Snapshots are never written to once built, so a section's JSON can be kept with the section:
// the previous snapshot's sections were serialised by the previous diff, and a section the
// server reused (the same object) compares equal without serialising at all.
const jsonKept = new WeakMap<object, string>();
function jsonOf(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  let s = jsonKept.get(v);
  if (s === undefined) jsonKept.set(v, (s = JSON.stringify(v)));
  return s;
}

export function diffSnapshots(prev: WallSnapshot, next: WallSnapshot): Patch[] {
  const patches: Patch[] = [];
  for (const key of Object.keys(next) as (keyof WallSnapshot)[]) {
    if (key === 'map' || prev[key] === next[key]) continue;
    if (jsonOf(prev[key]) !== jsonOf(next[key])) patches.push({ path: [key], value: next[key] });
  }
  const a = prev.map;
  const b = next.map;
  if (a.points.length !== b.points.length || a.demo !== b.demo || a.mapName !== b.mapName) {
    patches.push({ path: ['map'], value: b });
    return patches;
  }
  for (let i = 0; i < b.points.length; i++) {
    const p = a.points[i];
    const q = b.points[i];
    if (p === q) continue; // kept by the server: the branch was not re-evaluated
    if (p.code !== q.code) return [...patches.filter((x) => x.path[0] !== 'map'), { path: ['map'], value: b }];
    if (p.light !== q.light || p.score !== q.score || p.members !== q.members || p.name !== q.name) {
      patches.push({ path: ['map', 'points', i], value: q });
    }
  }
  if (jsonOf(a.regions) !== jsonOf(b.regions)) patches.push({ path: ['map', 'regions'], value: b.regions });
  return patches;
}

/** Applies patches immutably at the touched paths (new objects along each path, shared elsewhere). */
export function applyPatches<T extends object>(doc: T, patches: readonly Patch[]): T {
  let root: unknown = doc;
  for (const patch of patches) root = setIn(root, patch.path, patch.value);
  return root as T;
}

function setIn(node: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy;
  }
  const obj = (node ?? {}) as Record<string, unknown>;
  return { ...obj, [head]: setIn(obj[head as string], rest, value) };
}
