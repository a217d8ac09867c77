// Reports of CONTRACTS §3: the branch diagnosis (public; JSON or, for Accept: text/html, a
// printable A4 page) and the statistics workbook (leader).

import type { FastifyInstance } from 'fastify';
import { addMonths, formatInstant, isMonth, monthOf, type Month } from '../../shared/periods.ts';
import type { Services } from '../services.ts';
import { loadPrescriptions } from '../rules-file.ts';
import { buildDiagnosis, reportInstant } from '../reports/diagnosis.ts';
import { diagnosisHtml } from '../reports/diagnosis-html.ts';
import { statisticsWorkbook } from '../reports/statistics-xlsx.ts';
import type { Auth } from './auth.ts';
import { badRequest } from './errors.ts';
import { parseAt, requireOrg, scopeOrRoot } from './params.ts';

type Q = Record<string, string | undefined>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function reportRoutes(app: FastifyInstance, opts: { services: Services; auth: Auth }): Promise<void> {
  const { services: s, auth } = opts;
  const prescriptions = loadPrescriptions();

  // Month-end scores for the trend: one evaluation per month end, kept until the data changes.
  const scores = new Map<number, Map<string, number | null>>();
  s.live.onChange(() => scores.clear());
  // The current month is reported as of now: evaluating past the clock would age deadlines early.
  const asOfFor = (month: Month) => Math.min(reportInstant(month), s.clock.now());
  const scoreAt = (code: string) => (month: Month) => {
    const at = asOfFor(month);
    let m = scores.get(at);
    if (!m) {
      const ev = s.live.at(at);
      m = new Map([...ev.orgs].map(([c, e]) => [c, e.score]));
      if (scores.size >= 24) scores.delete(scores.keys().next().value!);
      scores.set(at, m);
    }
    return m.get(code) ?? null;
  };

  app.get<{ Params: { code: string }; Querystring: Q }>('/api/reports/diagnosis/:code', async (req, reply) => {
    const code = requireOrg(s, req.params.code);
    if (s.store.dir.orgs.get(code)!.type !== 'branch') throw badRequest(`"${code}" is not a branch: the diagnosis is for branches`);
    const current = monthOf(s.clock.now());
    const month = req.query.month || addMonths(current, -1);
    if (!isMonth(month)) throw badRequest(`month: "${month}" is not a month (YYYY-MM)`);
    if (month > current) throw badRequest(`month: ${month} has not begun yet`);
    const ev = s.live.at(asOfFor(month));
    const diagnosis = buildDiagnosis(s.store.dir, code, month, ev, prescriptions, scoreAt(code));
    if ((req.headers.accept ?? '').includes('text/html')) return reply.type('text/html; charset=utf-8').send(diagnosisHtml(diagnosis));
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
