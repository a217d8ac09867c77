// The import contract (CONTRACTS §1) as data: for every file, its columns in header order with
// their parser. The mapped type ties each column to its field in shared/domain.ts, so a column
// whose parser yields the wrong type (or a field without a column) fails to compile. Export
// reads the same table, which is what makes export → import a round trip.
import {
  ACTIVITY_KINDS,
  ATTENDANCE_STATUSES,
  CATEGORIES,
  GENDERS,
  INCOME_KINDS,
  MEETING_KINDS,
  MEMBER_STATUSES,
  ORG_TYPES,
  STAGES,
  type Dataset,
  type DatasetFile,
} from '../../../shared/domain.ts';
import * as c from './cells.ts';

export type Table<R> = { readonly [K in keyof R]-?: c.Column<R[K]> };
export type RowOf<F extends DatasetFile> = Dataset[F][number];

const NAME = 100;

export const SCHEMA: { readonly [F in DatasetFile]: Table<RowOf<F>> } = {
  orgs: {
    code: c.id(),
    name: c.text(NAME),
    type: c.oneOf(ORG_TYPES),
    // A required column whose value is empty for the root: see requiredColumns.
    parent_code: c.optId(),
    category: c.optOneOf(CATEGORIES, null),
    established_on: c.optDate(),
    term_started_on: c.optDate(),
    term_years: c.optNum({ min: 1, max: 10, integer: true }),
    has_committee: c.bool(),
    region: c.optText(NAME),
    lng: c.optNum({ min: -180, max: 180 }),
    lat: c.optNum({ min: -90, max: 90 }),
  },
  groups: { code: c.id(), branch_code: c.id(), name: c.optText(NAME) },
  members: {
    id: c.id(),
    name: c.text(NAME),
    org_code: c.id(),
    status: c.oneOf(MEMBER_STATUSES),
    gender: c.optOneOf(GENDERS, null),
    birth_date: c.optDate(),
    joined_on: c.optDate(),
    org_since: c.optDate(),
    group_code: c.optId(),
    probation_started_on: c.optDate(),
    dues_monthly: c.optNum({ min: 0 }),
    monthly_income: c.optNum({ min: 0 }),
    income_kind: c.optOneOf(INCOME_KINDS, null),
    on_committee: c.bool(),
    education: c.optText(NAME),
    is_mobile: c.bool(),
    phone: c.optText(32),
  },
  meetings: {
    id: c.id(),
    org_code: c.id(),
    kind: c.oneOf(MEETING_KINDS),
    held_at: c.instant(),
    group_code: c.optId(),
    topic: c.optText(500),
  },
  attendance: {
    meeting_id: c.id(),
    member_id: c.id(),
    status: c.optOneOf(ATTENDANCE_STATUSES, 'present'),
    checked_in_at: c.optInstant(),
  },
  dues: { id: c.id(), member_id: c.id(), month: c.month(), amount: c.num({ min: 0, above: true }), paid_at: c.instant() },
  activities: {
    id: c.id(),
    member_id: c.id(),
    kind: c.oneOf(ACTIVITY_KINDS),
    hours: c.optNum({ min: 0 }),
    at: c.instant(),
  },
  tasks: { id: c.id(), org_code: c.id(), title: c.text(500), due_on: c.date(), completed_on: c.optDate() },
  applicants: {
    id: c.id(),
    name: c.text(NAME),
    org_code: c.id(),
    stage: c.oneOf(STAGES),
    stage_since: c.optDate(),
  },
};

/** Columns that must be present in the header (CONTRACTS §1, bold). parent_code is one even though the root's is empty. */
export function requiredColumns(file: DatasetFile): string[] {
  const table = SCHEMA[file] as Record<string, c.Column<unknown>>;
  return Object.keys(table).filter((k) => table[k].required || (file === 'orgs' && k === 'parent_code'));
}

/** What makes a row unique within its file; attendance is keyed by the pair. */
export const KEY_COLUMNS: { readonly [F in DatasetFile]: readonly (keyof RowOf<F> & string)[] } = {
  orgs: ['code'],
  groups: ['code'],
  members: ['id'],
  meetings: ['id'],
  attendance: ['meeting_id', 'member_id'],
  dues: ['id'],
  activities: ['id'],
  tasks: ['id'],
  applicants: ['id'],
};
