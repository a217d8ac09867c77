// Database → raw export (GET /api/export/raw.xlsx, or a CSV folder) → import into an empty
// database gives the same indicators, lights, scores and member results for every organisation:
// checked on the tiny district after live events (whose milliseconds the import format does not
// carry: figures as of whole seconds do not depend on them) and on the `small` demo district, as
// of now and as of the end of an earlier month.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../../server/app.ts';
import { evaluateAll, freshEngine } from '../../../../server/aggregate/engine.ts';
import { manualClock } from '../../../../server/clock.ts';
import { testConfig } from '../../../../server/config.ts';
import { createServices, type Services } from '../../../../server/services.ts';
import { generateDemo } from '../../../../server/sources/demo/index.ts';
import { writeCsvFolder } from '../../../../server/sources/export/index.ts';
import { readSource, readSourceBuffer } from '../../../../server/sources/import/index.ts';
import { readDataset } from '../../../../server/store/dataset-read.ts';
import type { Dataset } from '../../../../shared/domain.ts';
import { parseInstant } from '../../../../shared/periods.ts';
import { tinyDataset } from '../../../helpers/tiny-dataset.ts';
import { asLeader, asOperator, testTokensFile } from '../../../helpers/tokens.ts';

const closing: { close(): unknown }[] = [];
afterAll(async () => {
  for (const c of closing) await c.close();
});

async function origin(clockAt: string, ds: Dataset): Promise<FastifyInstance> {
  const app = await buildApp(testConfig({ tokensFile: testTokensFile() }), { clock: manualClock(parseInstant(clockAt)!) });
  closing.push(app);
  app.services.importDataset(ds);
  return app;
}

async function exportXlsx(app: FastifyInstance): Promise<Dataset> {
  const res = await app.inject({ url: '/api/export/raw.xlsx', headers: asLeader });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const back = await readSourceBuffer(res.rawPayload);
  if (!back.ok) throw new Error(`export did not re-read: ${JSON.stringify(back.errors.slice(0, 3))}`);
  return back.dataset;
}

function importedCopy(from: Services, ds: Dataset): Services {
  const copy = createServices(testConfig(), { clock: from.clock });
  closing.push(copy);
  copy.importDataset(ds);
  return copy;
}

/** The same facts, then every organisation's evaluation (indicators, light and reasons, score, counts) and every member's. */
function expectSameFigures(a: Services, b: Services, instants: number[]) {
  expect(readDataset(b.store.db)).toEqual(readDataset(a.store.db));
  const engine = (s: Services) => freshEngine({ reader: s.store.reader, dir: s.store.dir, rules: s.rules });
  for (const at of instants) {
    const ea = evaluateAll(engine(a), at);
    const eb = evaluateAll(engine(b), at);
    expect([...eb.orgs.keys()].sort()).toEqual([...ea.orgs.keys()].sort());
    for (const [code, e] of ea.orgs) expect(eb.orgs.get(code), code).toEqual(e);
    expect(eb.members).toEqual(ea.members);
  }
}

describe('raw export round trip', () => {
  it('tiny district after live events: the XLSX export re-imports to the same figures', async () => {
    const a = await origin('2026-04-15T12:00:00+08:00', tinyDataset());
    const events = [
      { id: 'e1', type: 'meeting.held', at: '2026-04-14T15:00:00.250+08:00', meetingId: 'MT7', org: 'B1', kind: 'general_meeting', topic: '=SUM(A1)' },
      { id: 'e2', type: 'attendance.checked_in', at: '2026-04-14T15:02:03.456+08:00', meetingId: 'MT7', member: 'M1' },
      { id: 'e3', type: 'attendance.checked_in', at: '2026-04-14T15:03:00+08:00', meetingId: 'MT7', member: 'M3', status: 'leave' },
      { id: 'e4', type: 'dues.paid', at: '2026-04-10T09:00:00.001+08:00', member: 'M3', month: '2026-03', amount: 10 },
      { id: 'e5', type: 'activity.logged', at: '2026-04-12T10:00:00+08:00', member: 'M4', kind: 'volunteer', hours: 2.5 },
      { id: 'e6', type: 'task.completed', at: '2026-04-13T10:00:00+08:00', task: 'T1' },
      { id: 'e7', type: 'org.term_renewed', at: '2026-04-13T11:00:00+08:00', org: 'B1', termStartedOn: '2026-04-13' },
    ];
    const posted = await a.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload: events });
    expect(posted.json()).toEqual({ accepted: 7, duplicates: 0 });
    a.services.live.flush();

    const b = importedCopy(a.services, await exportXlsx(a));
    expectSameFigures(a.services, b, [a.services.clock.now(), parseInstant('2026-03-31T23:59:59.999+08:00')!]);
    expect(b.snapshot('D', 'public').kpis).toEqual(a.services.snapshot('D', 'public').kpis);
  });

  it('the small demo district: the XLSX export and the CSV folder both re-import to the same figures', async () => {
    const clockAt = '2026-06-18T10:00:00+08:00';
    const a = await origin(clockAt, generateDemo({ seed: 7, scale: 'small', clock: parseInstant(clockAt)! }).dataset);
    const instants = [a.services.clock.now(), parseInstant('2026-02-28T23:59:59.999+08:00')!];
    expectSameFigures(a.services, importedCopy(a.services, await exportXlsx(a)), instants);

    const dir = mkdtempSync(join(tmpdir(), 'vanguard-raw-'));
    await writeCsvFolder(readDataset(a.services.store.db), dir);
    const csv = await readSource(dir);
    if (!csv.ok) throw new Error('CSV export did not re-read');
    expectSameFigures(a.services, importedCopy(a.services, csv.dataset), instants);
  });

  it('the workbook: a sheet per file, contract columns, numbers as numbers; a scope exports its subtree; no token is refused', async () => {
    const a = await origin('2026-04-15T12:00:00+08:00', tinyDataset());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await a.inject({ url: '/api/export/raw.xlsx', headers: asOperator })).rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['orgs', 'groups', 'members', 'meetings', 'attendance', 'dues', 'activities', 'tasks', 'applicants']);
    const dues = wb.getWorksheet('dues')!;
    expect(dues.getRow(1).values).toEqual([undefined, 'id', 'member_id', 'month', 'amount', 'paid_at']);
    expect(dues.getRow(2).values).toEqual([undefined, 'P1', 'M1', '2026-03', 4, '2026-03-05T10:00:00+08:00']);
    const orgs = wb.getWorksheet('orgs')!; // rows by code: B1, B2, C1, D
    expect([orgs.getCell('A4').value, orgs.getCell('I4').value, orgs.getCell('I3').value, orgs.getCell('D5').value]).toEqual(['C1', 1, 0, null]); // has_committee 0/1, no parent

    const scoped = new ExcelJS.Workbook();
    await scoped.xlsx.load((await a.inject({ url: '/api/export/raw.xlsx?scope=B2', headers: asLeader })).rawPayload as unknown as ExcelJS.Buffer);
    const column = (sheet: string) => scoped.getWorksheet(sheet)!.getColumn(1).values.slice(2);
    expect(column('orgs')).toEqual(['B2']);
    expect(column('members')).toEqual(['M4']);
    expect(column('attendance')).toEqual([]);
    expect((await a.inject('/api/export/raw.xlsx')).statusCode).toBe(401);
    expect((await a.inject({ url: '/api/export/raw.xlsx?scope=NOPE', headers: asLeader })).statusCode).toBe(404);
  });
});
