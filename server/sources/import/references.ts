// Referential checks across files: every code and id a row points at must exist, either in the
// same import or already in the database (the injected lookup, so this stays free of SQL).
// Rows of the import win over the database: an import may re-parent or re-type an org.
// Every bad row is reported, not only the first; ErrorList caps what is kept.
import { DATASET_FILES, type Dataset, type DatasetFile, type OrgRow, type OrgType } from '../../../shared/domain.ts';
import type { RowOf } from './schema.ts';
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
  const checker = new ReferenceChecker(existing, errors, (file) => sources.labels?.[file] ?? `${file}.csv`);
  for (const file of DATASET_FILES) {
    const rows = ds[file] as RowOf<typeof file>[];
    checker.check(file, rows, sources.lines?.[file] ?? rows.map((_, i) => i + 2));
  }
}

type Rows = { [F in DatasetFile]: RowOf<F>[] };

/**
 * The same checks, fed file by file in DATASET_FILES order, so a streamed import can check a
 * chunk of rows as it arrives. A file only points at itself (orgs: give that file whole) or at
 * files before it, so what each check needs is complete by the time its rows come. Errors come
 * out in the order checkReferences has always produced them.
 */
export class ReferenceChecker {
  private readonly orgs = new Map<string, OrgType>();
  private readonly groups = new Map<string, string>();
  private readonly members = new Set<string>();
  private readonly meetings = new Set<string>();

  constructor(
    private readonly existing: ExistingLookup,
    private readonly errors: ErrorList,
    private readonly label: (file: DatasetFile) => string,
  ) {}

  private orgType(code: string): OrgType | null {
    return this.orgs.get(code) ?? this.existing.hasOrg(code);
  }

  private hasMember(id: string): boolean {
    return this.members.has(id) || this.existing.hasMember(id);
  }

  /** rows[i] came from line lines[i]; the orgs file must come in one call (parents and loops). */
  check<F extends DatasetFile>(file: F, rows: RowOf<F>[], lines: readonly number[]): void {
    const fail = (i: number, column: string, value: string | null, reason: string) => this.errors.add(this.label(file), lines[i], column, value, reason);
    (this.checks[file] as (rows: RowOf<F>[], fail: Fail, lines: readonly number[]) => void)(rows, fail, lines);
  }

  private readonly checks: { [F in DatasetFile]: (rows: Rows[F], fail: Fail, lines: readonly number[]) => void } = {
    orgs: (orgs, fail, lines) => {
      for (const o of orgs) this.orgs.set(o.code, o.type);
      let rootLine = 0;
      orgs.forEach((o, i) => {
        if (o.parent_code === null) {
          if (o.type !== 'district') fail(i, 'parent_code', '', `only the district (the root) has an empty parent_code; this is a ${o.type}`);
          else if (rootLine) fail(i, 'parent_code', '', `a second root: the district on line ${rootLine} is already the root`);
          else rootLine = lines[i];
          return;
        }
        const parent = this.orgType(o.parent_code);
        if (parent === null) fail(i, 'parent_code', o.parent_code, NO_ORG);
        else if (!PARENTS[o.type].includes(parent)) {
          const allowed = PARENTS[o.type].join(', ') || 'nothing (it is the root)';
          fail(i, 'parent_code', o.parent_code, `the parent is a ${parent}; a ${o.type}'s parent must be ${allowed}`);
        }
      });
      checkCycles(orgs, (i, reason) => fail(i, 'parent_code', orgs[i].parent_code, reason));
    },
    groups: (groups, fail) => {
      for (const g of groups) this.groups.set(g.code, g.branch_code);
      groups.forEach((g, i) => {
        const t = this.orgType(g.branch_code);
        if (t !== 'branch') fail(i, 'branch_code', g.branch_code, t === null ? NO_ORG : `a group belongs to a branch; this is a ${t}`);
      });
    },
    members: (members, fail) => {
      for (const m of members) this.members.add(m.id);
      members.forEach((m, i) => {
        const t = this.orgType(m.org_code);
        if (t !== 'branch') fail(i, 'org_code', m.org_code, t === null ? NO_ORG : `members belong to a branch; this is a ${t}`);
        this.checkGroup(fail, i, m.group_code, m.org_code);
      });
    },
    meetings: (meetings, fail) => {
      for (const m of meetings) this.meetings.add(m.id);
      meetings.forEach((m, i) => {
        if (this.orgType(m.org_code) === null) fail(i, 'org_code', m.org_code, NO_ORG);
        if (m.kind === 'group_meeting' && m.group_code === null) fail(i, 'group_code', '', 'a group_meeting needs the group_code of the group that met');
        this.checkGroup(fail, i, m.group_code, m.org_code);
      });
    },
    attendance: (rows, fail) => {
      rows.forEach((a, i) => {
        if (!this.meetings.has(a.meeting_id) && !this.existing.hasMeeting(a.meeting_id)) {
          fail(i, 'meeting_id', a.meeting_id, 'no meeting with this id in meetings or already imported');
        }
        if (!this.hasMember(a.member_id)) fail(i, 'member_id', a.member_id, NO_MEMBER);
      });
    },
    dues: (rows, fail) => rows.forEach((d, i) => this.hasMember(d.member_id) || fail(i, 'member_id', d.member_id, NO_MEMBER)),
    activities: (rows, fail) => rows.forEach((a, i) => this.hasMember(a.member_id) || fail(i, 'member_id', a.member_id, NO_MEMBER)),
    tasks: (rows, fail) => rows.forEach((t, i) => this.orgType(t.org_code) !== null || fail(i, 'org_code', t.org_code, NO_ORG)),
    applicants: (rows, fail) => rows.forEach((a, i) => this.orgType(a.org_code) !== null || fail(i, 'org_code', a.org_code, NO_ORG)),
  };

  private checkGroup(fail: Fail, i: number, group: string | null, org: string): void {
    if (group === null) return;
    const branch = this.groups.get(group) ?? this.existing.hasGroup(group);
    if (branch === null) fail(i, 'group_code', group, 'no group with this code in groups or already imported');
    else if (branch !== org) fail(i, 'group_code', group, `the group belongs to ${branch}, not to ${org}`);
  }
}

type Fail = (i: number, column: string, value: string | null, reason: string) => void;
const NO_ORG = 'no organisation with this code in orgs or already imported';
const NO_MEMBER = 'no member with this id in members or already imported';

/** Parent chains inside the import must end (at the root or at an org already imported). */
function checkCycles(orgs: OrgRow[], fail: (i: number, reason: string) => void): void {
  const index = new Map(orgs.map((o, i) => [o.code, i]));
  const state = new Uint8Array(orgs.length); // 0 unknown, 1 on the current walk, 2 ends well
  orgs.forEach((_, start) => {
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      const parent: string | null = orgs[i].parent_code;
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
