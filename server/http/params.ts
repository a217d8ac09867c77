// Query parameters shared by the read routes: `at` (an instant) and organisation codes.

import { parseInstant } from '../../shared/periods.ts';
import type { Services } from '../services.ts';
import { badRequest, notFound } from './errors.ts';

export function parseAt(services: Services, at: unknown): number {
  // No `at`: the live evaluation. Its asOf, not clock.now(): any other instant is a historical
  // query and costs a full evaluateAll of the district (seconds) on every request.
  if (at === undefined || at === '') return services.live.current().asOf;
  if (typeof at !== 'string') throw badRequest('at must be an ISO 8601 instant');
  const ms = parseInstant(at);
  if (ms === null) throw badRequest(`at: "${at}" is not an ISO 8601 instant (e.g. 2026-05-31T23:59:59+08:00)`);
  return ms;
}

export function requireOrg(services: Services, code: unknown): string {
  if (typeof code !== 'string' || !services.store.dir.orgs.has(code)) throw notFound(`unknown organisation "${String(code)}"`);
  return code;
}

export function scopeOrRoot(services: Services, scope: unknown): string {
  if (scope === undefined || scope === '') {
    const root = services.store.dir.root;
    if (!root) throw notFound('no organisations imported yet');
    return root;
  }
  return requireOrg(services, scope);
}
