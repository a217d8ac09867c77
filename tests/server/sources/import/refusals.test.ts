// Every refusal path, table-driven: the bad fixture folder for row-level problems, and one bad
// line appended to the valid fixture for cross-file references (checked only once rows are sound).
import { describe, expect, it } from 'vitest';
import type { ImportError } from '../../../../server/sources/import/index.ts';
import { readSource, readSourceFiles } from '../../../../server/sources/import/index.ts';
import { BAD, withLine } from './fixtures.ts';

type Case = [file: string, line: number, column: string | null, value: string | null, reason: string];

const ROW_ERRORS: Case[] = [
  ['orgs.csv', 3, 'category', 'town', 'not one of village, community, enterprise, institution, government, school, other'],
  ['orgs.csv', 3, 'established_on', '2005-02-30', 'not a valid date (YYYY-MM-DD)'],
  ['orgs.csv', 3, 'term_years', '11', 'not a whole number from 1 to 10'],
  ['orgs.csv', 3, 'has_committee', '2', 'not 0 or 1'],
  ['orgs.csv', 3, 'lng', '200', 'not a number from -180 to 180'],
  ['orgs.csv', 4, 'code', 'C01', 'duplicate code: same as line 3'],
  ['orgs.csv', 5, 'code', '', 'required value is empty'],
  ['orgs.csv', 5, 'term_years', '2.5', 'not a whole number from 1 to 10'],
  ['orgs.csv', 5, 'lat', '-91', 'not a number from -90 to 90'],
  ['groups.csv', 2, 'code', 'G'.repeat(65), 'id longer than 64 characters'],
  ['groups.csv', 3, 'name', '组'.repeat(101), 'longer than 100 characters'],
  ['groups.csv', 4, null, null, 'Quote Not Closed: the parsing is finished with an opening quote at line 4'],
  ['members.csv', 2, 'status', 'member', 'not one of full, probationary'],
  ['members.csv', 3, 'name', '', 'required value is empty'],
  ['members.csv', 4, null, null, 'Invalid Record Length: expect 5, got 3 on line 4'],
  ['members.csv', 5, 'id', 'M\u0001X', 'id contains control characters'],
  ['members.csv', 6, 'gender', 'X', 'not one of M, F'],
  ['meetings.csv', 2, 'kind', 'party_meeting', 'not one of general_meeting, committee_meeting, group_meeting, party_lesson, theme_day, org_life_meeting, democratic_review, study'],
  ['meetings.csv', 2, 'held_at', '2025-03-05', 'not a valid ISO 8601 instant'],
  ['meetings.csv', 3, 'held_at', '2025-13-01T09:00:00+08:00', 'not a valid ISO 8601 instant'],
  ['attendance.csv', 2, 'status', 'absent', 'not one of present, leave'],
  // Line 2 is refused for its status, but its key is sound, so later copies are named against it.
  ['attendance.csv', 3, 'meeting_id+member_id', 'MT01 + M01', 'duplicate meeting_id + member_id: same as line 2'],
  ['attendance.csv', 4, 'meeting_id+member_id', 'MT01 + M01', 'duplicate meeting_id + member_id: same as line 2'],
  ['dues.csv', 2, 'month', '2025-1', 'not a valid month (YYYY-MM)'],
  ['dues.csv', 2, 'amount', '0', 'not a number greater than 0'],
  ['dues.csv', 3, 'amount', '-3', 'not a number greater than 0'],
  ['dues.csv', 3, 'paid_at', '', 'required value is empty'],
  ['activities.csv', 2, 'kind', 'meeting', 'not one of volunteer, demo_post'],
  ['activities.csv', 2, 'hours', '-1', 'not a number of 0 or more'],
  ['tasks.csv', 1, 'title', null, 'required column "title" is missing from the header'],
  ['applicants.csv', 2, 'stage', 'member', 'not one of applicant, activist, candidate'],
  ['applicants.csv', 2, 'stage_since', '2024/09/01', 'not a valid date (YYYY-MM-DD)'],
];

const toCase = (e: ImportError): Case => [e.file, e.line, e.column, e.value, e.reason];

describe('the bad fixture folder', async () => {
  const result = await readSource(BAD);
  const errors = result.ok ? [] : result.errors.map(toCase);

  it.each(ROW_ERRORS)('%s line %i column %s (%s): %s', (...expected) => {
    expect(errors).toContainEqual(expected);
  });

  it('names every bad row and nothing else', () => {
    expect(result.ok).toBe(false);
    expect(errors).toHaveLength(ROW_ERRORS.length);
    expect(!result.ok && result.errorCount).toBe(ROW_ERRORS.length);
  });
});

const REFERENCE_ERRORS: [file: string, appended: string, column: string, value: string, reason: string][] = [
  ['orgs.csv', 'D02,第二个区,district,,,,,,0,,,', 'parent_code', '', 'a second root: the district on line 2 is already the root'],
  ['orgs.csv', 'C09,无上级党委,committee,,,,,,0,,,', 'parent_code', '', 'only the district (the root) has an empty parent_code; this is a committee'],
  ['orgs.csv', 'B09,孤儿支部,branch,X99,,,,,0,,,', 'parent_code', 'X99', 'no organisation with this code in orgs or already imported'],
  ['orgs.csv', 'B09,支部下的支部,branch,B01,,,,,0,,,', 'parent_code', 'B01', "the parent is a branch; a branch's parent must be committee, general_branch, district"],
  ['orgs.csv', 'C09,总支下的党委,committee,B01,,,,,0,,,', 'parent_code', 'B01', "the parent is a branch; a committee's parent must be district, committee"],
  ['orgs.csv', 'C09,自己的上级,committee,C09,,,,,0,,,', 'parent_code', 'C09', 'the parent chain loops back to this organisation'],
  ['groups.csv', 'G09,C01,党委下的小组', 'branch_code', 'C01', 'a group belongs to a branch; this is a committee'],
  ['groups.csv', 'G09,B99,', 'branch_code', 'B99', 'no organisation with this code in orgs or already imported'],
  ['members.csv', 'M99,钱七,C01,full,,,,,,,,,,0,,0,,', 'org_code', 'C01', 'members belong to a branch; this is a committee'],
  ['members.csv', 'M99,钱七,B02,full,,,,,G01,,,,,0,,0,,', 'group_code', 'G01', 'the group belongs to B01, not to B02'],
  ['members.csv', 'M99,钱七,B02,full,,,,,G77,,,,,0,,0,,', 'group_code', 'G77', 'no group with this code in groups or already imported'],
  ['meetings.csv', 'MT99,B99,study,2025-03-05T09:00:00+08:00,,', 'org_code', 'B99', 'no organisation with this code in orgs or already imported'],
  ['meetings.csv', 'MT99,B01,group_meeting,2025-03-05T09:00:00+08:00,,', 'group_code', '', 'a group_meeting needs the group_code of the group that met'],
  ['meetings.csv', 'MT99,B02,group_meeting,2025-03-05T09:00:00+08:00,G01,', 'group_code', 'G01', 'the group belongs to B01, not to B02'],
  ['attendance.csv', 'MT99,M01,,', 'meeting_id', 'MT99', 'no meeting with this id in meetings or already imported'],
  ['attendance.csv', 'MT01,M99,,', 'member_id', 'M99', 'no member with this id in members or already imported'],
  ['dues.csv', 'DU99,M99,2025-01,1,2025-01-10T10:00:00+08:00', 'member_id', 'M99', 'no member with this id in members or already imported'],
  ['activities.csv', 'AC99,M99,volunteer,1,2025-03-08T09:00:00+08:00', 'member_id', 'M99', 'no member with this id in members or already imported'],
  ['tasks.csv', 'T99,B99,任务,2025-12-31,', 'org_code', 'B99', 'no organisation with this code in orgs or already imported'],
  ['applicants.csv', 'AP99,孙八,B99,applicant,', 'org_code', 'B99', 'no organisation with this code in orgs or already imported'],
];

describe('references', () => {
  it.each(REFERENCE_ERRORS)('%s + "%s" → %s %s: %s', (file, appended, column, value, reason) => {
    const { files, line } = withLine(file, appended);
    const r = readSourceFiles(files);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map(toCase)).toEqual([[file, line, column, value, reason]]);
  });

  it('reports every bad row, not only the first', () => {
    const { files, line } = withLine('attendance.csv', 'MT01,M98,,\nMT01,M99,,');
    const r = readSourceFiles(files);
    expect(!r.ok && r.errors.map((e) => [e.line, e.value])).toEqual([[line, 'M98'], [line + 1, 'M99']]);
  });
});
