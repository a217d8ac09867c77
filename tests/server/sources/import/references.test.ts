// An import on top of what the database already holds: the injected lookup stands in for it.
import { describe, expect, it } from 'vitest';
import type { OrgType } from '../../../../shared/domain.ts';
import { readSourceFiles, validateReferences, type ExistingLookup } from '../../../../server/sources/import/index.ts';

const existing: ExistingLookup = {
  hasOrg: (code) => (({ D01: 'district', B01: 'branch' }) as Record<string, OrgType>)[code] ?? null,
  hasMember: (id) => id === 'M01',
  hasMeeting: (id) => id === 'MT01',
  hasGroup: (code) => (code === 'G01' ? 'B01' : null),
};

describe('references against the database', () => {
  it('accepts rows that point only at what already exists, without a root in the import', () => {
    const files = {
      'orgs.csv': 'code,name,type,parent_code\nB02,新支部,branch,D01\n',
      'members.csv': 'id,name,org_code,status,group_code\nM02,新党员,B01,full,G01\n',
      'attendance.csv': 'meeting_id,member_id\nMT01,M01\nMT01,M02\n',
    };
    const r = readSourceFiles(files, { existing });
    expect(r.ok && r.rows).toBe(4);
    expect(readSourceFiles(files).ok).toBe(false); // the same rows into an empty database
  });

  it('lets the import override the database (a re-typed org) and reports with given lines', () => {
    const r = readSourceFiles({ 'orgs.csv': 'code,name,type,parent_code\nD01,区委,district,\nB01,改为党委,committee,D01\n' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    r.dataset.members.push({
      id: 'M09', name: '某', org_code: 'B01', status: 'full', gender: null, birth_date: null, joined_on: null, org_since: null, group_code: null,
      probation_started_on: null, dues_monthly: null, monthly_income: null, income_kind: null, on_committee: false, education: null, is_mobile: false, phone: null,
    });
    expect(validateReferences(r.dataset, existing)).toEqual([
      { file: 'members.csv', line: 2, column: 'org_code', value: 'B01', reason: 'members belong to a branch; this is a committee' },
    ]);
    expect(validateReferences(r.dataset, existing, { lines: { members: [40] }, labels: { members: 'members' } })[0]).toMatchObject({ file: 'members', line: 40 });
  });

  it('caps the errors it keeps and counts them all', () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `MT01,X${i}`).join('\n');
    const r = readSourceFiles({ 'attendance.csv': `meeting_id,member_id\n${lines}\n` }, { existing });
    expect(!r.ok && [r.errors.length, r.errorCount]).toEqual([1000, 1500]);
  });
});
