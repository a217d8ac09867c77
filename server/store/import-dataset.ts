// Writes a validated dataset (CONTRACTS §1) in one transaction: all of it or none of it.
// Re-importing the same rows changes nothing: facts are keyed by id, and the tree is upserted.

import { DATASET_FILES, type Dataset, type DatasetFile, type OrgRow } from '../../shared/domain.ts';
import { parseDate } from '../../shared/periods.ts';
import type { Directory } from './directory.ts';
import { putActivity, putAttendance, putDues, putGroup, putMeeting, putMember, putOrg } from './fact-ops.ts';
import type { Db } from './open-db.ts';
import { inWriteTransaction } from './write-context.ts';

export interface ImportSummary {
  /** Rows read per file, and rows that were new (the rest were already there). */
  rows: Record<DatasetFile, number>;
  added: Record<DatasetFile, number>;
  touched: Set<string>;
}

/** Parents before children, so the in-memory tree links as it goes. */
function byDepth(orgs: OrgRow[]): OrgRow[] {
  const parent = new Map(orgs.map((o) => [o.code, o.parent_code]));
  const depth = (code: string): number => {
    let d = 0;
    for (let p = parent.get(code); p && d < 64; p = parent.get(p)) d++;
    return d;
  };
  return orgs
    .map((o) => [depth(o.code), o] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, o]) => o);
}

function sortBy<T>(rows: T[], key: (r: T) => string): T[] {
  const keyed = rows.map((r) => [key(r), r] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, r]) => r);
}

export function importDataset(db: Db, dir: Directory, ds: Dataset): ImportSummary {
  const rows = Object.fromEntries(DATASET_FILES.map((f) => [f, ds[f].length])) as Record<DatasetFile, number>;
  const added = Object.fromEntries(DATASET_FILES.map((f) => [f, 0])) as Record<DatasetFile, number>;
  const count = (f: DatasetFile, isNew: boolean) => {
    if (isNew) added[f] += 1;
  };
  const { touched } = inWriteTransaction(db, dir, (ctx) => {
    for (const r of byDepth(ds.orgs)) {
      count('orgs', !dir.orgs.has(r.code));
      putOrg(ctx, r);
    }
    for (const r of ds.groups) {
      count('groups', !dir.groups.has(r.code));
      putGroup(ctx, r);
    }
    for (const r of ds.members) count('members', putMember(ctx, r, parseDate('1970-01-01')!));
    // Facts go in in key order (see flushRollups): the order of rows in a file means nothing.
    for (const r of sortBy(ds.meetings, (x) => x.id)) count('meetings', putMeeting(ctx, r));
    for (const r of sortBy(ds.attendance, (x) => `${x.meeting_id}\u0000${x.member_id}`)) count('attendance', putAttendance(ctx, r));
    for (const r of sortBy(ds.dues, (x) => x.id)) count('dues', putDues(ctx, r));
    for (const r of sortBy(ds.activities, (x) => x.id)) count('activities', putActivity(ctx, r));
    for (const r of ds.tasks) {
      count('tasks', ctx.w.upsertTask.run(r.id, r.org_code, r.title, r.due_on, r.completed_on).changes > 0);
      ctx.acc.touched.add(r.org_code);
    }
    for (const r of ds.applicants) {
      count('applicants', true);
      ctx.w.upsertApplicant.run(r.id, r.name, r.org_code, r.stage, r.stage_since);
      ctx.acc.touched.add(r.org_code);
    }
  });
  return { rows, added, touched };
}
