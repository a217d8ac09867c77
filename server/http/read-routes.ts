// The read API of CONTRACTS §3. Every number comes from the same evaluation the socket uses.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { formatInstant } from '../../shared/periods.ts';
import { rankBranches } from '../../shared/rules/index.ts';
import type { Services } from '../services.ts';
import { buildOrgDetail } from '../aggregate/org-detail.ts';
import { branchesOf, descendants } from '../aggregate/structure.ts';
import { lightHistory } from '../store/light-history.ts';
import type { Auth } from './auth.ts';
import { badRequest } from './errors.ts';
import { parseAt, requireOrg, scopeOrRoot } from './params.ts';

type Q = Record<string, string | undefined>;

export async function readRoutes(app: FastifyInstance, opts: { services: Services; auth: Auth }): Promise<void> {
  const { services: s, auth } = opts;
  const dir = s.store.dir;
  const orgInfo = (code: string) => {
    const o = dir.orgs.get(code)!;
    return { code: o.code, name: o.name, type: o.type, parentCode: o.parentCode };
  };

  app.get<{ Params: { code: string }; Querystring: Q }>('/api/orgs/:code/indicators', async (req) => {
    const asOf = parseAt(s, req.query.at);
    const code = requireOrg(s, req.params.code);
    const e = s.live.at(asOf).orgs.get(code);
    return {
      org: orgInfo(code),
      asOf: formatInstant(asOf),
      indicators: e?.indicators ?? {},
      light: e?.light ?? { level: 'grey', reasons: [] },
      score: e?.score ?? null,
      counts: e?.counts ?? null,
    };
  });

  app.get<{ Params: { code: string }; Querystring: Q }>('/api/orgs/:code/members', async (req) => {
    auth.require(req, 'leader');
    const asOf = parseAt(s, req.query.at);
    const code = requireOrg(s, req.params.code);
    const ev = s.live.at(asOf);
    const members = branchesOf(dir, code).flatMap((b) => (ev.members.get(b) ?? []).map((m) => ({ ...m, branch: b })));
    return { org: orgInfo(code), asOf: formatInstant(asOf), members };
  });

  // The organisation scene refetches this after its scope's deltas, from every wall on that
  // scope: one build per (scope, profile, instant) serves them all until the scope is
  // re-evaluated (a frozen clock keeps the instant, so the instant alone would not tell a change).
  // A re-evaluation names every organisation it touched, ancestors included.
  const details = new Map<string, ReturnType<typeof buildOrgDetail>>();
  const forget = s.live.onChange((n) => {
    if (n.all) return details.clear();
    for (const key of details.keys()) if (n.codes.has(key.slice(0, key.indexOf('|')))) details.delete(key);
  });
  app.addHook('onClose', async () => forget());
  app.get<{ Params: { code: string }; Querystring: Q }>('/api/orgs/:code/detail', async (req) => {
    const asOf = parseAt(s, req.query.at);
    const code = requireOrg(s, req.params.code);
    // No token: public. A token must be a leader's (a wrong one is refused, never downgraded).
    const profile = req.headers.authorization && auth.require(req, 'leader') ? 'leader' : 'public';
    const key = `${code}|${profile}|${asOf}`;
    let detail = details.get(key);
    if (!detail) {
      const since = lightHistory(s.store.db, code, 1)[0]?.at ?? null;
      // The live instant reads the members' facts the live evaluation keeps; another is built afresh.
      const loadFacts = asOf === s.live.current().asOf ? s.liveFacts : undefined;
      detail = buildOrgDetail(s.live.at(asOf), code, profile, { reader: s.store.reader, dir, rules: s.rules(), since, loadFacts });
      if (details.size >= 64) details.delete(details.keys().next().value!);
      details.set(key, detail);
    }
    return detail;
  });

  app.get<{ Params: { code: string } }>('/api/orgs/:code/lights/history', async (req) => {
    const code = requireOrg(s, req.params.code);
    return { org: orgInfo(code), history: lightHistory(s.store.db, code).map((h) => ({ ...h, at: formatInstant(h.at) })) };
  });

  app.get<{ Querystring: Q }>('/api/rankings', async (req) => {
    const asOf = parseAt(s, req.query.at);
    const scope = scopeOrRoot(s, req.query.scope);
    const level = req.query.level ?? 'branch';
    const limit = req.query.limit === undefined ? Infinity : Number(req.query.limit);
    if (!(limit > 0)) throw badRequest('limit must be a positive integer');
    if (!['branch', 'committee', 'general_branch'].includes(level)) throw badRequest('level must be branch, committee or general_branch');
    const ev = s.live.at(asOf);
    const codes = descendants(dir, scope).filter((c) => dir.orgs.get(c)!.type === level);
    const rows = codes
      .map((c) => ({ c, e: ev.orgs.get(c) }))
      .filter((r) => r.e && r.e.score !== null)
      .map(({ c, e }) => {
        const o = dir.orgs.get(c)!;
        return { code: c, name: o.name, parentName: o.parentCode ? dir.orgs.get(o.parentCode)?.name ?? null : null, score: e!.score!, light: e!.light.level };
      });
    return rankBranches(rows)
      .slice(0, limit)
      .map((r) => ({ rank: r.rank, code: r.code, name: r.name, score: r.score, light: r.light }));
  });

  app.get<{ Querystring: Q }>('/api/snapshot', async (req) => {
    const asOf = parseAt(s, req.query.at);
    const scope = scopeOrRoot(s, req.query.scope);
    const profile = auth.identifyRequest(req).profile === 'public' ? 'public' : 'leader';
    return s.snapshot(scope, profile, s.live.at(asOf));
  });

  app.get('/api/map', async (_req, reply) => {
    const file = [join(s.config.dataDir, 'maps', 'district.geojson'), join(s.config.dataDir, 'demo-map.geojson')].find((f) => existsSync(f));
    // No map is a normal state (the wall then plots branches by coordinates), not an error.
    if (!file) return reply.status(204).header('x-vanguard-map', 'none: put a GeoJSON at data/maps/district.geojson').send();
    return reply.type('application/json').send(readFileSync(file, 'utf8'));
  });

  app.get('/api/config', async () => ({ centreName: s.config.centreName, version: s.version, scope: dir.root }));
}
