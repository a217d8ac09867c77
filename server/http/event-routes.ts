// POST /api/events (CONTRACTS §2): one event, a JSON array, or NDJSON. The answer is sent only
// after the transaction commits, so an accepted event survives a crash right after the answer;
// requests arriving together share that commit (sources/events/group-commit.ts).

import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import type { Auth } from './auth.ts';
import { writeRateLimit } from './hardening.ts';
import { badRequest } from './errors.ts';

export const EVENTS_BODY_LIMIT = 64 * 1024 * 1024;
export const MAX_BATCH = 100_000;

export function parseNdjson(text: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      throw badRequest(`NDJSON line ${i + 1} is not valid JSON`, { errors: [{ index: out.length, id: null, message: `line ${i + 1}: not valid JSON` }] });
    }
  }
  return out;
}

export async function eventRoutes(app: FastifyInstance, opts: { services: Services; auth: Auth }): Promise<void> {
  const { services, auth } = opts;
  app.addContentTypeParser(['application/x-ndjson', 'application/ndjson'], { parseAs: 'string', bodyLimit: EVENTS_BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, parseNdjson(body as string));
    } catch (err) {
      done(err as Error);
    }
  });

  app.post('/api/events', { bodyLimit: EVENTS_BODY_LIMIT, config: writeRateLimit }, async (req, reply) => {
    auth.require(req, 'operator');
    const body = req.body;
    if (body === undefined || body === null || (typeof body !== 'object')) throw badRequest('the body must be an event object, a JSON array of events, or NDJSON');
    const items = Array.isArray(body) ? body : [body];
    if (items.length === 0) return { accepted: 0, duplicates: 0 };
    if (items.length > MAX_BATCH) throw badRequest(`a batch holds at most ${MAX_BATCH} events; got ${items.length}`);
    const res = await services.ingestGrouped({ items, author: { who: auth.who(req) } });
    if (!res.ok) {
      return reply.status(400).send({
        error: 'invalid_events',
        message: `${res.errors.length} of ${items.length} events are invalid; nothing was written`,
        errors: res.errors.slice(0, 1000),
        errorCount: res.errors.length,
      });
    }
    return { accepted: res.accepted, duplicates: res.duplicates };
  });
}
