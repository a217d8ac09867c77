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
import { eventRoutes } from './http/event-routes.ts';
import { exportRoutes } from './http/export-routes.ts';
import { importRoutes } from './http/import-routes.ts';
import { healthRoutes } from './http/health-routes.ts';
import { readRoutes } from './http/read-routes.ts';
import { reportRoutes } from './http/report-routes.ts';
import { pushPlugin } from './push/socket-plugin.ts';
import { createServices, type Services } from './services.ts';
import { createAuditRepo } from './store/audit-repo.ts';
import { createSimulator } from './sources/simulator/simulator.ts';

export interface AppDeps {
  clock?: Clock;
  /** A ready-made services object (tests that share one database between two apps). */
  services?: Services;
}

export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logLevel === 'silent' ? false : { level: config.logLevel }, bodyLimit: 1024 * 1024 });
  const services = deps.services ?? createServices(config, { clock: deps.clock });
  const auth: Auth = createAuth(loadTokens(config.tokensFile), config.devOpenAccess);
  const auditRepo = createAuditRepo(services.store.db);
  const audit = (req: FastifyRequest, action: string, rows: number, detail?: unknown) =>
    auditRepo.record(services.clock.now(), auth.who(req), action, rows, detail);

  app.decorate('services', services);
  registerErrorHandler(app);
  await hardening(app);
  await app.register(pushPlugin, { services, resolveProfile: auth.resolve });
  await app.register(healthRoutes, { services });
  await app.register(readRoutes, { services, auth });
  await app.register(reportRoutes, { services, auth });
  await app.register(exportRoutes, { services, auth });
  await app.register(eventRoutes, { services, auth, audit });
  await app.register(importRoutes, { services, auth, audit });
  app.get('/api/audit', async (req) => {
    auth.require(req, 'operator');
    return { entries: auditRepo.list() };
  });

  const screen = config.screenDir && existsSync(config.screenDir) ? resolve(config.screenDir) : null;
  if (screen) await app.register(fastifyStatic, { root: screen, prefix: '/', wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // Deep links (/org/…, /remote, /tour) load the single-page screen.
    if (screen && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/socket.io')) return reply.sendFile('index.html');
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
