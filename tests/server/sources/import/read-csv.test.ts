import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetFile } from '../../../../shared/domain.ts';
import { readCsvText } from '../../../../server/sources/import/csv.ts';
import { ErrorList } from '../../../../server/sources/import/errors.ts';
import { readSource, readSourceBuffer, readSourceFiles } from '../../../../server/sources/import/index.ts';
import { VALID, validTexts } from './fixtures.ts';

function copyValid(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanguard-import-'));
  cpSync(VALID, dir, { recursive: true });
  return dir;
}

describe('readSource on a CSV folder', () => {
  it('reads the valid fixture with exact counts and typed values', async () => {
    const r = await readSource(VALID);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const d = r.dataset;
    expect([d.orgs, d.groups, d.members, d.meetings, d.attendance, d.dues, d.activities, d.tasks, d.applicants].map((x) => x.length)).toEqual([
      5, 2, 10, 5, 12, 5, 3, 3, 2,
    ]);
    expect(r.rows).toBe(47);
    expect(d.orgs[0]).toEqual({
      code: 'D01', name: '锋领区委', type: 'district', parent_code: null, category: 'government', established_on: '2000-01-01',
      term_started_on: '2023-06-01', term_years: 5, has_committee: true, region: '锋领区', lng: 116.4, lat: 39.9,
    });
    expect(d.orgs[3]).toMatchObject({ has_committee: false, region: null, lat: null, lng: 116.43 });
    expect(d.orgs[4]).toMatchObject({ established_on: null, term_years: null, lng: null });
    expect(d.groups[1]).toEqual({ code: 'G02', branch_code: 'B01', name: null });
    // The unknown column 备注 is ignored; empty optionals are null, booleans are booleans.
    expect(d.members[0]).toEqual({
      id: 'M01', name: '张建华', org_code: 'B01', status: 'full', gender: 'M', birth_date: '1975-04-12', joined_on: '2001-07-01',
      org_since: '2010-07-01', group_code: 'G01', probation_started_on: null, dues_monthly: 20.5, monthly_income: 4100,
      income_kind: 'salary', on_committee: true, education: '本科', is_mobile: false, phone: '13800000001',
    });
    expect(d.members[2]).toMatchObject({ status: 'probationary', dues_monthly: null, income_kind: null, is_mobile: true });
  });

  it('normalises instants to +08:00 (no offset = Asia/Shanghai, Z converted) and keeps quoted newlines', async () => {
    const r = await readSource(VALID);
    if (!r.ok) throw new Error('refused');
    expect(r.dataset.meetings.map((m) => m.held_at)).toEqual([
      '2025-03-05T09:00:00+08:00', '2025-03-12T19:30:00+08:00', '2025-03-20T09:00:00+08:00', '2025-03-25T10:00:00+08:00', '2025-03-28T14:00:00+08:00',
    ]);
    expect(r.dataset.meetings[1].topic).toBe('小组学习, 第一期\n（两行主题）');
    expect(r.dataset.attendance[1]).toEqual({ meeting_id: 'MT01', member_id: 'M02', status: 'present', checked_in_at: null });
    expect(r.dataset.attendance[3].checked_in_at).toBe('2025-03-05T09:02:00+08:00');
    expect(r.dataset.activities[1].hours).toBeNull();
    expect(r.dataset.activities[2].hours).toBe(0);
    expect(r.dataset.dues[0]).toEqual({ id: 'DU01', member_id: 'M01', month: '2025-01', amount: 20.5, paid_at: '2025-01-10T10:00:00+08:00' });
  });

  it('reads the same rows with and without a BOM', async () => {
    const dir = copyValid();
    const orgs = readFileSync(join(VALID, 'orgs.csv'));
    expect([...orgs.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    writeFileSync(join(dir, 'orgs.csv'), orgs.subarray(3));
    const [withBom, without] = await Promise.all([readSource(VALID), readSource(dir)]);
    expect(without).toEqual(withBom);
  });

  it('treats missing files as zero rows', async () => {
    const texts = validTexts();
    const r = readSourceFiles({ 'orgs.csv': texts['orgs.csv'] });
    expect(r.ok && r.dataset.orgs.length).toBe(5);
    expect(r.ok && r.dataset.members).toEqual([]);
  });

  it('refuses GBK with a message that names the fix', async () => {
    const dir = copyValid();
    // 中国 in GBK, then a newline: valid GB18030, invalid UTF-8.
    const gbk = Buffer.concat([Buffer.from('code,branch_code,name\nG01,B01,'), Buffer.from([0xd6, 0xd0, 0xb9, 0xfa]), Buffer.from('\n')]);
    writeFileSync(join(dir, 'groups.csv'), gbk);
    const r = await readSource(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'groups.csv', line: 2, column: null, value: null });
    expect(r.errors[0].reason).toContain('groups.csv is not UTF-8 (looks like GBK/GB18030)');
    expect(r.errors[0].reason).toContain("Save it as 'CSV UTF-8 (逗号分隔)' in Excel");
    expect(r.errors[0].reason).toContain('iconv -f GBK -t UTF-8 groups.csv > groups.utf8.csv');
  });

  it('refuses UTF-16 and a folder without any contract file', async () => {
    const dir = copyValid();
    writeFileSync(join(dir, 'tasks.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\n', 'utf16le')]));
    const r = await readSource(dir);
    expect(!r.ok && r.errors[0]).toMatchObject({ file: 'tasks.csv', line: 1, reason: expect.stringContaining('UTF-16') });
    const empty = mkdtempSync(join(tmpdir(), 'vanguard-empty-'));
    const e = await readSource(empty);
    expect(!e.ok && e.errors[0].reason).toContain('holds none of orgs.csv');
  });

  it('reads CSV texts sent as JSON over HTTP', async () => {
    const body = Buffer.from(JSON.stringify({ files: validTexts() }));
    const [viaJson, viaFolder] = await Promise.all([readSourceBuffer(body), readSource(VALID)]);
    expect(viaJson.ok && viaFolder.ok && viaJson.dataset).toEqual(viaFolder.ok && viaFolder.dataset);
    const bad = await readSourceBuffer(Buffer.from('{"nope":1}'), 'json');
    expect(!bad.ok && bad.errors[0].reason).toContain('expected { "files"');
  });
});

describe('readCsvText', () => {
  // The fast path uses csv-parse's push core; the fallback its public on_record hook. Both must
  // give the same rows, lines and errors on every fixture, good and bad.
  it.each(['valid', 'bad'])('gives the same answer on both csv-parse paths (%s fixtures)', (folder) => {
    const dir = join(VALID, '..', folder);
    for (const name of readdirSync(dir)) {
      const file = name.replace('.csv', '') as DatasetFile;
      const bytes = readFileSync(join(dir, name));
      const [fastErrors, slowErrors] = [new ErrorList(), new ErrorList()];
      const fast = readCsvText(file, name, bytes, fastErrors, true);
      const slow = readCsvText(file, name, bytes.toString('utf8'), slowErrors, false);
      expect(fast).toEqual(slow);
      expect(fastErrors.items).toEqual(slowErrors.items);
    }
  });
});

describe('line numbers', () => {
  it('name the line a record starts on, also after a quoted cell spanning lines', () => {
    const text = 'id,org_code,kind,held_at,topic\nMT1,B01,study,"2025-03-05T09:00:00+08:00","a\nb\nc"\n\nMT2,B01,stdy,2025-03-05T09:00:00+08:00,"x\ny"\n';
    const r = readSourceFiles({ 'meetings.csv': text });
    expect(!r.ok && r.errors).toEqual([{ file: 'meetings.csv', line: 6, column: 'kind', value: 'stdy', reason: expect.stringContaining('not one of') }]);
  });
});

describe('headers and file names', () => {
  it('matches header names regardless of case and surrounding spaces', () => {
    const r = readSourceFiles({ 'tasks.csv': 'ID, Org_Code ,TITLE,due_on\nT1,B01,任务,2025-01-01\n' }, {
      existing: { hasOrg: () => 'branch', hasMember: () => false, hasMeeting: () => false, hasGroup: () => null },
    });
    expect(r.ok && r.dataset.tasks).toEqual([{ id: 'T1', org_code: 'B01', title: '任务', due_on: '2025-01-01', completed_on: null }]);
  });

  it('refuses the same table given twice', () => {
    const r = readSourceFiles({ 'groups.csv': 'code,branch_code\n', 'Groups.csv': 'code,branch_code\n' });
    expect(!r.ok && r.errors[0]).toMatchObject({ file: 'Groups.csv', line: 0, reason: 'groups is given twice: groups.csv and Groups.csv; keep one' });
  });
});

describe('a single CSV file', () => {
  it('is read as the table its name says, and refused under another name', async () => {
    const r = await readSource(join(VALID, 'orgs.csv'));
    expect(r.ok && r.dataset.orgs.length).toBe(5);
    const dir = mkdtempSync(join(tmpdir(), 'vanguard-one-'));
    writeFileSync(join(dir, 'people.csv'), 'id\n');
    const bad = await readSource(join(dir, 'people.csv'));
    expect(!bad.ok && bad.errors[0].reason).toContain('a CSV file must be named one of orgs.csv');
  });
});
