// How the public wall names an organisation in a negative context (a red or yellow light, the
// bottom of a ranking): a branch smaller than the rule book's privacy size is not singled out
// but named by its parent ("东湖街道党工委下属支部"); everything else keeps its name.
import type { Directory } from '../store/directory.ts';
import type { Evaluation } from './engine.ts';

export function publicOrgName(dir: Directory, ev: Evaluation, code: string, smallBranchSize: number | null): string {
  const o = dir.orgs.get(code);
  if (!o) return code;
  if (smallBranchSize === null || o.type !== 'branch') return o.name;
  if ((ev.orgs.get(code)?.counts.members ?? 0) >= smallBranchSize) return o.name;
  const parent = o.parentCode ? dir.orgs.get(o.parentCode) : undefined;
  return parent ? `${parent.name}下属支部` : '某支部';
}
