// The slowly changing part of the district held in memory: the organisation tree, party groups,
// members and their branch history. Small (tens of thousands of rows), read on every event to
// validate references and to know who was expected at a meeting, so it lives beside the facts.

import type { Category, Gender, IncomeKind, MemberStatus, OrgType } from '../../shared/domain.ts';
import type { OrgNode } from '../../shared/model.ts';
import { duesStandard } from '../../shared/rules/dues-standard.ts';
import type { Db } from './open-db.ts';

export interface Stay {
  org: string;
  since: number;
  until: number | null;
}

export interface MemberRecord {
  id: string;
  name: string;
  /** Current branch, or the last one for a member who left. */
  org: string;
  status: MemberStatus;
  gender: Gender | null;
  birthDate: string | null;
  joinedOn: string | null;
  orgSince: string | null;
  groupCode: string | null;
  probationStartedOn: string | null;
  convertedOn: string | null;
  duesMonthly: number | null;
  monthlyIncome: number | null;
  incomeKind: IncomeKind | null;
  onCommittee: boolean;
  education: string | null;
  isMobile: boolean;
  phone: string | null;
  leftOn: string | null;
  stays: Stay[];
  /** Monthly dues standard (yuan). */
  due: number;
}

export interface Directory {
  orgs: Map<string, OrgNode>;
  root: string | null;
  groups: Map<string, { branch: string; name: string | null }>;
  members: Map<string, MemberRecord>;
  /** Branch → ids of everyone who ever stayed there (current and former). */
  staysByBranch: Map<string, Set<string>>;
  /** Bumped by every change to orgs, groups or members: a cache key for derived counts. */
  version: number;
}

export function emptyDirectory(): Directory {
  return { orgs: new Map(), root: null, groups: new Map(), members: new Map(), staysByBranch: new Map(), version: 0 };
}

export function ancestors(dir: Directory, code: string): string[] {
  const out: string[] = [];
  let node = dir.orgs.get(code);
  while (node?.parentCode) {
    out.push(node.parentCode);
    node = dir.orgs.get(node.parentCode);
  }
  return out;
}

/** Is the member in this branch at instant t? */
export function inBranchAt(member: MemberRecord, branch: string, t: number): boolean {
  // A loop, not stays.some(closure): an import asks this for every expected attendee of every
  // meeting and every check-in, millions of times, and a closure per call showed in GC.
  for (const s of member.stays) if (s.org === branch && s.since <= t && (s.until === null || t < s.until)) return true;
  return false;
}

/** The branch a member belongs to at instant t, or null. */
export function branchAt(member: MemberRecord, t: number): string | null {
  for (const s of member.stays) if (s.since <= t && (s.until === null || t < s.until)) return s.org;
  return null;
}

export function linkOrg(dir: Directory, node: OrgNode): void {
  dir.version += 1;
  const old = dir.orgs.get(node.code);
  if (old) {
    node.children = old.children;
    node.groups = old.groups;
    if (old.parentCode && old.parentCode !== node.parentCode) {
      const p = dir.orgs.get(old.parentCode);
      if (p) p.children = p.children.filter((c) => c !== node.code);
    }
  }
  dir.orgs.set(node.code, node);
  if (!node.parentCode) dir.root = node.code;
  const parent = node.parentCode ? dir.orgs.get(node.parentCode) : undefined;
  if (parent && !parent.children.includes(node.code)) parent.children.push(node.code);
}

export function addStay(dir: Directory, member: MemberRecord, stay: Stay): void {
  dir.version += 1;
  member.stays.push(stay);
  let set = dir.staysByBranch.get(stay.org);
  if (!set) dir.staysByBranch.set(stay.org, (set = new Set()));
  set.add(member.id);
}

export function memberDue(m: Pick<MemberRecord, 'duesMonthly' | 'monthlyIncome' | 'incomeKind'>): number {
  return duesStandard({ dues_monthly: m.duesMonthly, monthly_income: m.monthlyIncome, income_kind: m.incomeKind });
}

interface OrgSql {
  code: string;
  name: string;
  type: OrgType;
  parent_code: string | null;
  category: Category | null;
  established_on: string | null;
  term_started_on: string | null;
  term_years: number | null;
  has_committee: number;
  region: string | null;
  lng: number | null;
  lat: number | null;
}

export function orgNodeFromSql(r: OrgSql): OrgNode {
  return {
    code: r.code,
    name: r.name,
    type: r.type,
    parentCode: r.parent_code,
    category: r.category,
    establishedOn: r.established_on,
    termStartedOn: r.term_started_on,
    termYears: r.term_years,
    hasCommittee: r.has_committee === 1,
    region: r.region,
    lng: r.lng,
    lat: r.lat,
    groups: [],
    children: [],
  };
}

/**
 * A map filled by a loader on its first use. The directory's members and their stays are most of
 * what start-up reads (47,000 members on a district); deferred this way, the server answers its
 * first requests (the tree, health) before they are read. Several maps may share one loader.
 */
export class LoadedOnFirstUse<K, V> extends Map<K, V> {
  constructor(private readonly load: () => void) {
    super();
  }
  override get size(): number {
    this.load();
    return super.size;
  }
  override get(key: K): V | undefined {
    this.load();
    return super.get(key);
  }
  override has(key: K): boolean {
    this.load();
    return super.has(key);
  }
  override set(key: K, value: V): this {
    this.load();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.load();
    return super.delete(key);
  }
  override clear(): void {
    this.load();
    super.clear();
  }
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.load();
    super.forEach(fn, thisArg);
  }
  override keys(): MapIterator<K> {
    this.load();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.load();
    return super.values();
  }
  override entries(): MapIterator<[K, V]> {
    this.load();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/** Reads the directory. With `deferMembers`, members and their stays are read on first use. */
export function loadDirectory(db: Db, opts: { deferMembers?: boolean } = {}): Directory {
  const dir = emptyDirectory();
  const orgs = db.prepare('SELECT * FROM orgs ORDER BY code').all() as OrgSql[];
  for (const r of orgs) dir.orgs.set(r.code, orgNodeFromSql(r));
  for (const node of dir.orgs.values()) linkOrg(dir, node);
  for (const g of db.prepare('SELECT code, branch_code, name FROM party_groups ORDER BY code').all() as {
    code: string;
    branch_code: string;
    name: string | null;
  }[]) {
    dir.groups.set(g.code, { branch: g.branch_code, name: g.name });
    dir.orgs.get(g.branch_code)?.groups.push(g.code);
  }
  if (!opts.deferMembers) {
    loadMembers(db, dir);
    return dir;
  }
  let pending = true;
  const loadOnce = () => {
    if (!pending) return;
    pending = false;
    loadMembers(db, dir);
    // Loaded: from now on these are plain maps. Every reference to them stays valid, and a
    // re-evaluation's ~100,000 member lookups no longer pass through the checks above (3 % of it).
    Object.setPrototypeOf(dir.members, Map.prototype);
    Object.setPrototypeOf(dir.staysByBranch, Map.prototype);
  };
  dir.members = new LoadedOnFirstUse(loadOnce);
  dir.staysByBranch = new LoadedOnFirstUse(loadOnce);
  return dir;
}

/** Makes sure a deferred directory has read its members (before a write transaction reads them). */
export function loadMembersNow(dir: Directory): void {
  void dir.members.size;
}

function loadMembers(db: Db, dir: Directory): void {
  // Raw arrays and named columns: on 47,000 members, building a row object per member first
  // cost as much as everything else the start-up does before it answers.
  for (const r of db.prepare(`SELECT ${MEMBER_COLUMNS.join(', ')} FROM members ORDER BY id`).raw().iterate() as Iterable<unknown[]>) {
    const m = memberFromSql(r);
    dir.members.set(m.id, m);
  }
  const stays = db.prepare('SELECT member_id, org_code, since, until FROM memberships ORDER BY member_id, since').raw();
  for (const [id, org, since, until] of stays.iterate() as Iterable<[string, string, number, number | null]>) {
    const m = dir.members.get(id);
    if (m) addStay(dir, m, { org, since, until });
  }
}

const MEMBER_COLUMNS = [
  'id', 'name', 'org_code', 'status', 'gender', 'birth_date', 'joined_on', 'org_since', 'group_code', 'probation_started_on',
  'converted_on', 'dues_monthly', 'monthly_income', 'income_kind', 'on_committee', 'education', 'is_mobile', 'phone', 'left_on',
] as const;

/** One row of MEMBER_COLUMNS, in that order. */
function memberFromSql(r: unknown[]): MemberRecord {
  const m: MemberRecord = {
    id: r[0] as string,
    name: r[1] as string,
    org: r[2] as string,
    status: r[3] as MemberStatus,
    gender: r[4] as Gender | null,
    birthDate: r[5] as string | null,
    joinedOn: r[6] as string | null,
    orgSince: r[7] as string | null,
    groupCode: r[8] as string | null,
    probationStartedOn: r[9] as string | null,
    convertedOn: r[10] as string | null,
    duesMonthly: r[11] as number | null,
    monthlyIncome: r[12] as number | null,
    incomeKind: r[13] as IncomeKind | null,
    onCommittee: r[14] === 1,
    education: r[15] as string | null,
    isMobile: r[16] === 1,
    phone: r[17] as string | null,
    leftOn: r[18] as string | null,
    stays: [],
    due: 0,
  };
  m.due = memberDue(m);
  return m;
}
