// Export writes the import format, so dataset → file → readSource must give the same dataset,
// including strings that a spreadsheet would otherwise run as formulas.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../shared/domain.ts';
import { writeCsvFolder, writeDatasetXlsx } from '../../../../server/sources/export/index.ts';
import { readSource, readSourceBuffer } from '../../../../server/sources/import/index.ts';
import { VALID } from '../import/fixtures.ts';

async function tricky(): Promise<Dataset> {
  const r = await readSource(VALID);
  if (!r.ok) throw new Error('fixture refused');
  const d = r.dataset;
  d.members[0].name = '=HYPERLINK("x")';
  d.members[1].education = "'=already quoted";
  d.members[2].phone = '+8613800000003';
  d.meetings[0].topic = '@SUM(A1), "引号" 和\n换行';
  d.tasks[0].title = '-负责人';
  d.applicants[0].name = "'";
  d.orgs[4].lng = -73.5; // a negative number is a number, not an escaped string
  return d;
}

describe('round trip', () => {
  it('dataset → CSV folder → readSource is the same dataset', async () => {
    const d = await tricky();
    const dir = mkdtempSync(join(tmpdir(), 'vanguard-export-'));
    const written = await writeCsvFolder(d, dir);
    expect(written).toHaveLength(9);
    const back = await readSource(dir);
    expect(back.ok && back.dataset).toEqual(d);
  });

  it('writes CSV that Excel opens safely: BOM, header, 0/1, empty nulls, escaped formulas', async () => {
    const d = await tricky();
    const dir = mkdtempSync(join(tmpdir(), 'vanguard-export-'));
    await writeCsvFolder(d, dir);
    const members = readFileSync(join(dir, 'members.csv'));
    expect([...members.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = members.toString('utf8').slice(1).split('\n');
    expect(lines[0]).toBe('id,name,org_code,status,gender,birth_date,joined_on,org_since,group_code,probation_started_on,dues_monthly,monthly_income,income_kind,on_committee,education,is_mobile,phone');
    expect(lines[1]).toBe(`M01,"'=HYPERLINK(""x"")",B01,full,M,1975-04-12,2001-07-01,2010-07-01,G01,,20.5,4100,salary,1,本科,0,13800000001`);
  });

  it('no raw CSV cell of any file starts with a formula trigger, and HTML stays as plain text', async () => {
    const d = await tricky();
    const triggers = ['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd'];
    triggers.forEach((t, i) => {
      d.members[i + 3].name = t;
      d.meetings[i % d.meetings.length].topic = t;
    });
    d.orgs[0].name = '=cmd|" /C calc"!A0';
    d.groups[0].name = '<img src=x onerror=alert(1)>';
    const dir = mkdtempSync(join(tmpdir(), 'vanguard-export-'));
    await writeCsvFolder(d, dir);
    const { parse } = await import('csv-parse/sync');
    for (const file of ['orgs', 'members', 'groups', 'meetings', 'tasks', 'applicants']) {
      const rows = parse(readFileSync(join(dir, `${file}.csv`), 'utf8').slice(1), { relax_quotes: true }) as string[][];
      for (const cell of rows.slice(1).flat()) expect(cell, `${file}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    }
    const members = readFileSync(join(dir, 'members.csv'), 'utf8');
    for (const t of triggers) expect(members).toContain(`'${t}`);
    expect(readFileSync(join(dir, 'groups.csv'), 'utf8')).toContain('<img src=x onerror=alert(1)>');
    expect((await readSource(dir)).ok).toBe(true);
  });

  it('dataset → XLSX → readSource is the same dataset, with no formula cells', async () => {
    const d = await tricky();
    const buf = await writeDatasetXlsx(d);
    const back = await readSourceBuffer(buf);
    expect(back.ok && back.dataset).toEqual(d);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['orgs', 'groups', 'members', 'meetings', 'attendance', 'dues', 'activities', 'tasks', 'applicants']);
    const m = wb.getWorksheet('members')!;
    expect(m.getCell('B2').value).toBe(`'=HYPERLINK("x")`);
    expect(m.getCell('N2').value).toBe(1); // on_committee
    expect(m.getCell('K2').value).toBe(20.5);
  });

  it('an empty dataset round-trips as header-only files and sheets', async () => {
    const empty: Dataset = { orgs: [], groups: [], members: [], meetings: [], attendance: [], dues: [], activities: [], tasks: [], applicants: [] };
    const dir = mkdtempSync(join(tmpdir(), 'vanguard-export-'));
    await writeCsvFolder(empty, dir);
    expect(await readSource(dir)).toMatchObject({ ok: true, rows: 0, dataset: empty });
    expect(await readSourceBuffer(await writeDatasetXlsx(empty))).toMatchObject({ ok: true, rows: 0, dataset: empty });
  });
});
