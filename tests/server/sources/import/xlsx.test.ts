import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource, readSourceBuffer } from '../../../../server/sources/import/index.ts';

/** A workbook as an operator would make it in Excel: typed cells, not text. */
async function operatorWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['this sheet is ignored']);
  const orgs = wb.addWorksheet('orgs');
  orgs.addRow(['code', 'name', 'type', 'parent_code', 'established_on', 'term_years', 'has_committee', 'lng', '备注']);
  orgs.addRow(['D01', { richText: [{ text: '锋领' }, { font: { bold: true }, text: '区委' }] }, 'district', null, new Date(Date.UTC(2000, 0, 1)), 5, true, 116.4, 'x']);
  orgs.addRow([1001, { formula: '"城关"&"支部"', result: '城关支部' }, 'branch', 'D01', 36526, { formula: '2+1', result: 3 }, 0, null]);
  orgs.getCell('E2').numFmt = 'yyyy-mm-dd'; // a real Excel date cell
  const members = wb.addWorksheet('members');
  members.addRow(['id', 'name', 'org_code', 'status', 'birth_date', 'phone', 'dues_monthly']);
  members.addRow(['M01', '张建华', '1001', 'full', new Date(Date.UTC(1975, 3, 12)), 13800000001, 20.5]);
  members.getCell('E2').numFmt = 'yyyy-mm-dd';
  const meetings = wb.addWorksheet('meetings');
  meetings.addRow(['id', 'org_code', 'kind', 'held_at']);
  meetings.addRow(['MT01', '1001', 'party_lesson', new Date(Date.UTC(2025, 2, 5, 9, 30, 0))]);
  meetings.getCell('D2').numFmt = 'yyyy-mm-dd hh:mm:ss';
  const dues = wb.addWorksheet('dues');
  dues.addRow(['id', 'member_id', 'month', 'amount', 'paid_at']);
  dues.addRow(['DU01', 'M01', new Date(Date.UTC(2025, 0, 1)), 20.5, '2025-01-10T10:00:00+08:00']);
  dues.getCell('C2').numFmt = 'yyyy-mm';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading a workbook', () => {
  it('turns typed cells into the contract text: dates, serials, rich text, formulas, numbers, booleans', async () => {
    const r = await readSourceBuffer(await operatorWorkbook());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows).toBe(5);
    expect(r.dataset.orgs).toEqual([
      { code: 'D01', name: '锋领区委', type: 'district', parent_code: null, category: null, established_on: '2000-01-01', term_started_on: null,
        term_years: 5, has_committee: true, region: null, lng: 116.4, lat: null },
      { code: '1001', name: '城关支部', type: 'branch', parent_code: 'D01', category: null, established_on: '2000-01-01', term_started_on: null,
        term_years: 3, has_committee: false, region: null, lng: null, lat: null },
    ]);
    expect(r.dataset.members[0]).toMatchObject({ birth_date: '1975-04-12', phone: '13800000001', dues_monthly: 20.5 });
    // An Excel date-time has no zone: it is read as the wall clock in Asia/Shanghai.
    expect(r.dataset.meetings[0].held_at).toBe('2025-03-05T09:30:00+08:00');
    expect(r.dataset.dues[0].month).toBe('2025-01');
  });

  it('reports errors by sheet name and row number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('orgs');
    ws.addRow(['code', 'name', 'type', 'parent_code']);
    ws.addRow(['D01', '区委', 'district', null]);
    ws.addRow(['B01', '支部', 'brunch', 'D01']);
    const r = await readSourceBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(!r.ok && r.errors).toEqual([{ file: 'orgs', line: 3, column: 'type', value: 'brunch', reason: 'not one of district, committee, general_branch, branch' }]);
  });

  it.each([
    ['CSV text renamed .xlsx', Buffer.from('code,name\nD01,区委\n'), 'is not an XLSX workbook'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old Excel 97-2003 (.xls) workbook'],
    ['a broken zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]), 'could not be read as an XLSX workbook'],
  ])('refuses %s clearly', async (_, bytes, reason) => {
    const dir = mkdtempSync(join(tmpdir(), 'vanguard-xlsx-'));
    writeFileSync(join(dir, 'book.xlsx'), bytes);
    const r = await readSource(join(dir, 'book.xlsx'));
    expect(!r.ok && r.errors).toEqual([{ file: 'book.xlsx', line: 0, column: null, value: null, reason: expect.stringContaining(reason) }]);
  });

  it('refuses a workbook without any contract sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['code']);
    const r = await readSourceBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(!r.ok && r.errors[0].reason).toContain('has no sheet named orgs, groups, members');
  });
});
