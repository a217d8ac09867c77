// Referential checks across files: every code and id a row points at must exist, either in the
// same import or already in the database (the injected lookup, so this stays free of SQL).
// Rows of the import win over the database: an import may re-parent or re-type an org.
// Every bad row is reported, not only the first; ErrorList caps what is kept.
import type { Dataset, DatasetFile, OrgType } from '../../../shared/domain.ts';
import { ErrorList, type ImportError } from './errors.ts';

export interface ExistingLookup {
  hasOrg(code: string): OrgType | null;
  hasMember(id: string): boolean;
  hasMeeting(id: string): boolean;
  /** The branch a group belongs to, or null. */
  hasGroup(code: string): string | null;
}

/** For a first import into an empty database: the files must be self-contained. */
export const NOTHING_EXISTS: ExistingLookup = {
  hasOrg: () => null,
  hasMember: () => false,
  hasMeeting: () => false,
  hasGroup: () => null,
};

/** Where each row came from, for error messages; defaults to "<file>.csv", line = index + 2. */
export interface RowSources {
  lines?: Partial<Record<DatasetFile, number[]>>;
  labels?: Partial<Record<DatasetFile, string>>;
}

const PARENTS: Record<OrgType, readonly OrgType[]> = {
  district: [],
  committee: ['district', 'committee'],
  general_branch: ['district', 'committee'],
  branch: ['committee', 'general_branch', 'district'],
};

export function validateReferences(dataset: Dataset, existing: ExistingLookup, sources: RowSources = {}): ImportError[] {
  const errors = new ErrorList();
  checkReferences(dataset, existing, sources, errors);
  return errors.items;
}

export function checkReferences(ds: Dataset, existing: ExistingLookup, sources: RowSources, errors: ErrorList): void {
  const at = (file: DatasetFile, i: number) => sources.lines?.[file]?.[i] ?? i + 2;
  const label = (file: DatasetFile) => sources.labels?.[file] ?? `${file}.csv`;
  const fail = (file: DatasetFile, i: number, column: string, value: string | null, reason: string) =>
    errors.add(label(file), at(file, i), column, value, reason);

  const orgs = new Map(ds.orgs.map((o) => [o.code, o]));
  const orgType = (code: string): OrgType | null => orgs.get(code)?.type ?? existing.hasOrg(code);
  const groups = new Map(ds.groups.map((g) => [g.code, g.branch_code]));
  const groupBranch = (code: string): string | null => groups.get(code) ?? existing.hasGroup(code);
  const members = new Set(ds.members.map((m) => m.id));
  const hasMember = (id: string) => members.has(id) || existing.hasMember(id);
  const meetings = new Set(ds.meetings.map((m) => m.id));
  const noOrg = 'no organisation with this code in orgs or already imported';

  let rootLine = 0;
  ds.orgs.forEach((o, i) => {
    if (o.parent_code === null) {
      if (o.type !== 'district') fail('orgs', i, 'parent_code', '', `only the district (the root) has an empty parent_code; this is a ${o.type}`);
      else if (rootLine) fail('orgs', i, 'parent_code', '', `a second root: the district on line ${rootLine} is already the root`);
      else rootLine = at('orgs', i);
      return;
    }
    const parent = orgType(o.parent_code);
    if (parent === null) fail('orgs', i, 'parent_code', o.parent_code, noOrg);
    else if (!PARENTS[o.type].includes(parent)) {
      const allowed = PARENTS[o.type].join(', ') || 'nothing (it is the root)';
      fail('orgs', i, 'parent_code', o.parent_code, `the parent is a ${parent}; a ${o.type}'s parent must be ${allowed}`);
    }
  });
  checkCycles(ds, (i, reason) => fail('orgs', i, 'parent_code', ds.orgs[i].parent_code, reason));

  ds.groups.forEach((g, i) => {
    const t = orgType(g.branch_code);
    if (t !== 'branch') fail('groups', i, 'branch_code', g.branch_code, t === null ? noOrg : `a group belongs to a branch; this is a ${t}`);
  });

  const checkGroup = (file: 'members' | 'meetings', i: number, group: string | null, org: string) => {
    if (group === null) return;
    const branch = groupBranch(group);
    if (branch === null) fail(file, i, 'group_code', group, 'no group with this code in groups or already imported');
    else if (branch !== org) fail(file, i, 'group_code', group, `the group belongs to ${branch}, not to ${org}`);
  };
  ds.members.forEach((m, i) => {
    const t = orgType(m.org_code);
    if (t !== 'branch') fail('members', i, 'org_code', m.org_code, t === null ? noOrg : `members belong to a branch; this is a ${t}`);
    checkGroup('members', i, m.group_code, m.org_code);
  });
  ds.meetings.forEach((m, i) => {
    if (orgType(m.org_code) === null) fail('meetings', i, 'org_code', m.org_code, noOrg);
    if (m.kind === 'group_meeting' && m.group_code === null) fail('meetings', i, 'group_code', '', 'a group_meeting needs the group_code of the group that met');
    checkGroup('meetings', i, m.group_code, m.org_code);
  });

  const noMember = 'no member with this id in members or already imported';
  ds.attendance.forEach((a, i) => {
    if (!meetings.has(a.meeting_id) && !existing.hasMeeting(a.meeting_id)) {
      fail('attendance', i, 'meeting_id', a.meeting_id, 'no meeting with this id in meetings or already imported');
    }
    if (!hasMember(a.member_id)) fail('attendance', i, 'member_id', a.member_id, noMember);
  });
  ds.dues.forEach((d, i) => hasMember(d.member_id) || fail('dues', i, 'member_id', d.member_id, noMember));
  ds.activities.forEach((a, i) => hasMember(a.member_id) || fail('activities', i, 'member_id', a.member_id, noMember));
  ds.tasks.forEach((t, i) => orgType(t.org_code) !== null || fail('tasks', i, 'org_code', t.org_code, noOrg));
  ds.applicants.forEach((a, i) => orgType(a.org_code) !== null || fail('applicants', i, 'org_code', a.org_code, noOrg));
}

/** Parent chains inside the import must end (at the root or at an org already imported). */
function checkCycles(ds: Dataset, fail: (i: number, reason: string) => void): void {
  const index = new Map(ds.orgs.map((o, i) => [o.code, i]));
  const state = new Uint8Array(ds.orgs.length); // 0 unknown, 1 on the current walk, 2 ends well
  ds.orgs.forEach((_, start) => {
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      const parent: string | null = ds.orgs[i].parent_code;
      i = parent === null ? undefined : index.get(parent);
    }
    // Only the orgs on the loop itself are reported; a chain leading into it is a symptom.
    const loopFrom = i !== undefined && state[i] === 1 ? walk.indexOf(i) : walk.length;
    walk.forEach((j, k) => {
      state[j] = 2;
      if (k >= loopFrom) fail(j, 'the parent chain loops back to this organisation');
    });
  });
}
