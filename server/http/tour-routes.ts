// GET /api/tour (public: the wall plays it without a token) and PUT /api/tour (operator): the
// new tour is validated whole, persisted to the operator's file, audited, and pushed to every wall.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TourConfig } from '../../shared/tour.ts';
import { saveTour, validateTour } from '../tour-file.ts';
import type { Auth } from './auth.ts';
import { writeRateLimit } from './hardening.ts';

export interface TourRouteOptions {
  auth: Auth;
  initial: TourConfig;
  /** Where a PUT persists (data/tour.json or the --tour file). */
  target: string;
  publish: (tour: TourConfig) => void;
  audit: (req: FastifyRequest, action: string, rows: number, detail?: unknown) => void;
}

export async function tourRoutes(app: FastifyInstance, opts: TourRouteOptions): Promise<void> {
  const { auth, target, publish, audit } = opts;
  let tour = opts.initial;

  app.get('/api/tour', async () => tour);

  app.put('/api/tour', { config: writeRateLimit }, async (req, reply) => {
    auth.require(req, 'operator');
    const res = validateTour(req.body);
    if (!res.ok) return reply.status(400).send({ error: 'invalid_tour', message: `tour refused: ${res.errors.join('; ')}`, errors: res.errors });
    saveTour(target, res.tour);
    tour = res.tour;
    audit(req, 'tour', res.tour.scenes.length, { scenes: res.tour.scenes.map((s) => s.kind) });
    publish(tour);
    return tour;
  });
}
