// Finding an organisation on the remote: by a piece of its name, its pinyin initials (第一党支部
// → dydzb) or its code. The tree comes from GET /api/orgs/tree; initials are worked out once.
import { pinyin } from 'pinyin-pro';

export interface TreeNode {
  code: string;
  name: string;
  type: string;
  children?: TreeNode[];
}

export interface OrgEntry {
  code: string;
  name: string;
  type: string;
  /** Codes from the root down to the parent; empty for the root. */
  ancestors: string[];
  initials: string;
}

export function flattenTree(roots: TreeNode | TreeNode[]): OrgEntry[] {
  const out: OrgEntry[] = [];
  const walk = (node: TreeNode, ancestors: string[]) => {
    const initials = pinyin(node.name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
    out.push({ code: node.code, name: node.name, type: node.type, ancestors, initials });
    for (const child of node.children ?? []) walk(child, [...ancestors, node.code]);
  };
  for (const root of Array.isArray(roots) ? roots : [roots]) walk(root, []);
  return out;
}

/** Best first: an exact code, then names and initials that start with the query, then the rest. */
export function searchOrgs(orgs: OrgEntry[], query: string, limit = 30): OrgEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const rank = (o: OrgEntry) => {
    const code = o.code.toLowerCase();
    if (code === q) return 0;
    if (o.name.startsWith(q) || o.initials.startsWith(q) || code.startsWith(q)) return 1;
    if (o.name.includes(q) || o.initials.includes(q) || code.includes(q)) return 2;
    return -1;
  };
  return orgs
    .map((o) => [rank(o), o] as const)
    .filter(([r]) => r >= 0)
    .sort((a, b) => a[0] - b[0] || a[1].ancestors.length - b[1].ancestors.length)
    .slice(0, limit)
    .map(([, o]) => o);
}
