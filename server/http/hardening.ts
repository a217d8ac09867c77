// Security headers with a CSP the built wall satisfies, and rate limits on writes. CORS stays
// closed: no Access-Control-* headers are ever sent, so other origins cannot read the API.

import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';

/** Requests per minute per client address for write routes: a check-in gateway posting single
 * events at a peak of 500/s must not be throttled (a batch of 1,000 events is one request). */
export const WRITE_LIMIT_PER_MINUTE = 60_000;

/** Registered on the root instance (not as an encapsulated plugin) so every route gets it. */
export async function hardening(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
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
  });
  await app.register(rateLimit, { global: false });
}

export const writeRateLimit = { rateLimit: { max: WRITE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };

/** Login and pairing claims: a person types these, so 10 a minute per address is plenty, and
 * it keeps guessing a token or a six-digit code out of reach. */
export const ACCESS_LIMIT_PER_MINUTE = 10;
export const accessRateLimit = { rateLimit: { max: ACCESS_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
