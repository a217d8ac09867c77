// Reports of CONTRACTS §3: the branch diagnosis (public; JSON or, for Accept: text/html, a
// printable A4 page); the member report, the stored monthly batches and the statistics workbook
// (leader).

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addMonths, formatInstant, isMonth, monthOf } from '../../shared/periods.ts';
import type { Services } from '../services.ts';
import type { Diagnosis } from '../reports/diagnosis.ts';
import { diagnosisHtml } from '../reports/diagnosis-html.ts';
import { buildMemberReport } from '../reports/member-report.ts';
import { memberReportHtml } from '../reports/member-report-html.ts';
import { statisticsWorkbook } from '../reports/statistics-xlsx.ts';
import type { Auth } from './auth.ts';
import { badRequest, notFound } from './errors.ts';
import { parseAt, requireOrg, scopeOrRoot } from './params.ts';

type Q = Record<string, string | undefined>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function reportRoutes(app: FastifyInstance, opts: { services: Services; auth: Auth }): Promise<void> {
  const { services: s, auth } = opts;
  const html = (req: FastifyRequest) => (req.headers.accept ?? '').includes('text/html');

  app.get<{ Params: { code: string }; Querystring: Q }>('/api/reports/diagnosis/:code', async (req, reply) => {
    const code = requireOrg(s, req.params.code);
    if (s.store.dir.orgs.get(code)!.type !== 'branch') throw badRequest(`"${code}" is not a branch: the diagnosis is for branches`);
    const current = monthOf(s.clock.now());
    const month = req.query.month || addMonths(current, -1);
    if (!isMonth(month)) throw badRequest(`month: "${month}" is not a month (YYYY-MM)`);
    if (month > current) throw badRequest(`month: ${month} has not begun yet`);
    const diagnosis = s.diagnoses.one(code, month);
    if (html(req)) return reply.type('text/html; charset=utf-8').send(diagnosisHtml(diagnosis));
    return diagnosis;
  });

  app.get<{ Params: { id: string }; Querystring: Q }>('/api/reports/members/:id', async (req, reply) => {
    auth.require(req, 'leader');
    const ev = s.live.at(parseAt(s, req.query.at));
    const report = buildMemberReport(s.store.dir, ev, req.params.id, s.rules());
    if (!report) throw notFound(`"${req.params.id}" is not a current member`);
    if (html(req)) return reply.type('text/html; charset=utf-8').send(memberReportHtml(report));
    return report;
  });

  // The monthly batches (generated on the 5th, see reports/monthly-batch.ts) and their reports as
  // stored when they were sent: a later correction of the data does not rewrite what was sent.
  app.get('/api/reports/batches', async (req) => {
    auth.require(req, 'leader');
    return { batches: s.reportRepo.list().map((b) => ({ month: b.month, generatedAt: formatInstant(b.generatedAt), branches: b.branches, elapsedMs: b.elapsedMs })) };
  });

  app.get<{ Params: { month: string; code: string } }>('/api/reports/batches/:month/:code', async (req, reply) => {
    auth.require(req, 'leader');
    const { month, code } = req.params;
    if (!isMonth(month)) throw badRequest(`month: "${month}" is not a month (YYYY-MM)`);
    if (!s.reportRepo.has(month)) throw notFound(`no batch for ${month}`);
    const diagnosis = s.reportRepo.report(month, code) as Diagnosis | null;
    if (!diagnosis) throw notFound(`the ${month} batch holds no report for "${code}"`);
    if (html(req)) return reply.type('text/html; charset=utf-8').send(diagnosisHtml(diagnosis));
    return diagnosis;
  });

  app.get<{ Querystring: Q }>('/api/export/statistics.xlsx', async (req, reply) => {
    auth.require(req, 'leader');
    const asOf = parseAt(s, req.query.at);
    const scope = scopeOrRoot(s, req.query.scope);
    const buf = await statisticsWorkbook(s, scope, asOf);
    const stamp = formatInstant(asOf).slice(0, 10);
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="statistics-${scope}-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`党建统计-${scope}-${stamp}.xlsx`)}`)
      .send(buf);
  });
}
