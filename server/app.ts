// buildApp(config) wires the stages in data-flow order and never listens: main.ts does that, and
// tests use inject() or listen on port 0 themselves.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createAuth, loadTokens, type Auth } from './http/auth.ts';
import { registerErrorHandler } from './http/errors.ts';
import { hardening } from './http/hardening.ts';
import { accessRoutes } from './http/access-routes.ts';
import { eventRoutes } from './http/event-routes.ts';
import { exportRoutes } from './http/export-routes.ts';
import { importRoutes } from './http/import-routes.ts';
import { healthRoutes } from './http/health-routes.ts';
import { readRoutes } from './http/read-routes.ts';
import { createSessions } from './http/sessions.ts';
import { reportRoutes } from './http/report-routes.ts';
import { createPairing } from './push/pairing.ts';
import { tourRoutes } from './http/tour-routes.ts';
import { pushPlugin, type VanguardIo } from './push/socket-plugin.ts';
import { createServices, type Services } from './services.ts';
import { createAuditRepo } from './store/audit-repo.ts';
import { createSimulator } from './sources/simulator/simulator.ts';
import { loadTour, tourSource, tourTarget } from './tour-file.ts';

export interface AppDeps {
  clock?: Clock;
  /** A ready-made services object (tests that share one database between two apps). */
  services?: Services;
}

/** Pages built beside the wall (vite.config.ts), served at /login, /pair and /remote. */
const PAGES = new Set(['/login', '/pair', '/remote']);

export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logLevel === 'silent' ? false : { level: config.logLevel }, bodyLimit: 1024 * 1024 });
  const services = deps.services ?? createServices(config, { clock: deps.clock });
  const sessions = createSessions(services.clock);
  const pairing = createPairing(services.clock);
  const auth: Auth = createAuth(loadTokens(config.tokensFile), sessions);
  const tour = loadTour(tourSource(config.tourFile, config.dataDir));
  const auditRepo = createAuditRepo(services.store.db);
  const audit = (req: FastifyRequest, action: string, rows: number, detail?: unknown) =>
    auditRepo.record(services.clock.now(), auth.who(req), action, rows, detail);

  app.decorate('services', services);
  registerErrorHandler(app);
  await hardening(app);
  let io: VanguardIo | null = null;
  await app.register(pushPlugin, { services, identify: auth.identify, pairing, onIo: (server) => (io = server) });
  await app.register(accessRoutes, { auth, sessions, pairing, audit });
  await app.register(healthRoutes, { services });
  await app.register(readRoutes, { services, auth });
  await app.register(reportRoutes, { services, auth });
  await app.register(exportRoutes, { services, auth });
  await app.register(eventRoutes, { services, auth });
  await app.register(importRoutes, { services, auth, audit });
  await app.register(tourRoutes, {
    auth,
    audit,
    initial: tour,
    target: tourTarget(config.tourFile, config.dataDir),
    publish: (next) => io?.emit('tour:config', next),
  });
  app.get('/api/audit', async (req) => {
    auth.require(req, 'operator');
    return { entries: auditRepo.list() };
  });

  const screen = config.screenDir && existsSync(config.screenDir) ? resolve(config.screenDir) : null;
  if (screen) await app.register(fastifyStatic, { root: screen, prefix: '/', wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // The small pages have their own entries; any other deep link (/org/…) loads the wall.
    if (screen && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/socket.io')) {
      const path = req.url.split('?')[0];
      return reply.sendFile(PAGES.has(path) ? `${path.slice(1)}.html` : 'index.html');
    }
    return reply.status(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url}` });
  });
  // A server that was down on the 5th generates the missed batch once, after it starts.
  app.addHook('onReady', async () => void services.reports.runIfDue());
  if (config.simulator) {
    const sim = createSimulator({ dir: services.store.dir, clock: services.clock, ingest: services.ingest, rate: config.simulatorRate, seed: 20260701 });
    app.addHook('onReady', async () => sim.start());
    app.addHook('onClose', async () => sim.stop());
  }
  if (!deps.services) app.addHook('onClose', async () => services.close());
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
