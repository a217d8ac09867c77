// The printable diagnosis page and the statistics workbook, on the tiny district with two hostile
// names added: a branch called <script>alert(1)</script> and one called =HYPERLINK(…).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { hashToken } from '../../../server/http/auth.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { member, tinyDataset } from '../../helpers/tiny-dataset.ts';

const XSS = '<script>alert(1)</script>';
const FORMULA = '=HYPERLINK("http://evil.example","点我")';
const LEADER = 'leader-token-for-reports';
let app: FastifyInstance;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tokens-')), 'tokens.json');
  writeFileSync(file, JSON.stringify({ tokens: [{ name: 'inspection-tablet', profile: 'leader', sha256: hashToken(LEADER) }] }));
  app = await buildApp(testConfig({ tokensFile: file }), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
  const ds = tinyDataset();
  const b2 = ds.orgs.find((o) => o.code === 'B2')!;
  ds.orgs.push({ ...b2, code: 'BX', name: XSS }, { ...b2, code: 'BF', name: FORMULA });
  ds.members.push(member('M8', '周八', 'BX', { org_since: '2026-02-10' }), member('M9', '吴九', 'BF', { org_since: '2026-02-10' }));
  app.services.importDataset(ds);
});
afterAll(async () => app.close());

describe('diagnosis as a printable page', () => {
  it('is text/html, A4, Chinese, with user text escaped and nothing external', async () => {
    const res = await app.inject({ url: '/api/reports/diagnosis/BX?month=2026-03', headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).not.toContain(XSS);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/@page\s*{\s*size:\s*A4/);
    expect(html).toContain('支部党建诊疗报告');
    expect(html).toContain('lang="zh-CN"');
    expect(html).not.toMatch(/(src|href)=|@import|url\(/i);
  });

  it('is JSON without the Accept header', async () => {
    const res = await app.inject('/api/reports/diagnosis/BX?month=2026-03');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().org.name).toBe(XSS);
  });
});

describe('statistics workbook', () => {
  it('needs a leader token: 401 without one or with a wrong one', async () => {
    expect((await app.inject('/api/export/statistics.xlsx')).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/export/statistics.xlsx', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
  });

  it('has the Chinese sheets, frozen headers, numbers as numbers and escaped formulas', async () => {
    const res = await app.inject({ url: '/api/export/statistics.xlsx?scope=D&at=2026-04-15T12:00:00%2B08:00', headers: { authorization: `Bearer ${LEADER}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="statistics-D-2026-04-15\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['组织统计', '党员统计', '发展党员', '三会一课及党费', '红黄灯名单']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width).toBeGreaterThan(5);
    }

    const rowsOf = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    // 4 branches (B1, B2, BX, BF) and the committee; 6 members, one probationary; one activist.
    expect(rowsOf('组织统计')).toContainEqual(['按类型', '党支部', 4]);
    expect(rowsOf('党员统计')).toContainEqual(['合计', '党员总数', 6]);
    expect(rowsOf('党员统计')).toContainEqual(['按状态', '预备党员', 1]);
    expect(rowsOf('党员统计')).toContainEqual(['按入党年份', '2010', 6]);
    expect(rowsOf('发展党员')).toContainEqual(['入党积极分子', 1]);

    const ws = wb.getWorksheet('三会一课及党费')!;
    expect(ws.getRow(1).getCell(4).value).toBe('三会一课完成率');
    const b1 = rowsOf('三会一课及党费').find((r) => r[0] === 'B1')!;
    // As of 15 April: 2/9 and 1/3 (hand-worked in tests/server/http/hand-worked.test.ts).
    expect(typeof b1[3]).toBe('number');
    expect(b1[3] as number).toBeCloseTo(2 / 9, 12);
    expect(b1[4] as number).toBeCloseTo(1 / 3, 12);
    expect(ws.getColumn(4).numFmt).toBe('0.0%');
    expect(b1[8]).toBe('红灯');
    const bf = rowsOf('三会一课及党费').find((r) => r[0] === 'BF')!;
    expect(bf[1]).toBe(`'${FORMULA}`);

    const flagged = rowsOf('红黄灯名单');
    expect(flagged.filter((r) => r[0] === 'B1').map((r) => r[5])).toEqual(['红灯党员占比', '三会一课', '党费收缴', '任务落实']);
    expect(flagged.find((r) => r[0] === 'BF')![1]).toBe(`'${FORMULA}`);
    for (const r of flagged) expect(String(r[6])).toMatch(/[\u4e00-\u9fff]/);
  });
});
