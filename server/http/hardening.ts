// Security headers with a CSP the built wall satisfies, and rate limits on writes. CORS stays
// closed: no Access-Control-* headers are ever sent, so other origins cannot read the API.

import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';

/** Requests per minute per client address for write routes: a check-in gateway posting single
 * events at a peak of 500/s must not be throttled (a batch of 1,000 events is one request). */
export const WRITE_LIMIT_PER_MINUTE = 60_000;

const HELMET: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // ECharts and the fitted canvas set style attributes at run time.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  // The wall is often served over plain HTTP on a closed network; HSTS would lock it out.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};

/**
 * Helmet's headers, worked out once. They do not depend on the request, and building the
 * middleware per request (as @fastify/helmet did) cost about 0.2 ms of every answer, most of it
 * re-reading the CSP directives: at 500 events/s, about 5 % of the server's time.
 */
export function securityHeaders(options: HelmetOptions = HELMET): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failed: unknown;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => (failed = err));
  if (failed) throw failed;
  return headers;
}

/** Registered on the root instance (not as an encapsulated plugin) so every route gets it. */
export async function hardening(app: FastifyInstance): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
  await app.register(rateLimit, { global: false });
}

export const writeRateLimit = { rateLimit: { max: WRITE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };

/** Login and pairing claims: a person types these, so 10 a minute per address is plenty, and
 * it keeps guessing a token or a six-digit code out of reach. */
export const ACCESS_LIMIT_PER_MINUTE = 10;
export const accessRateLimit = { rateLimit: { max: ACCESS_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
