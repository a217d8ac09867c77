// POST /api/import (operator): the same reading, validation and single transaction as
// `npm run import`. Body: an XLSX workbook (its bytes), or JSON { files: { "orgs.csv": "…" } }.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../services.ts';
import { importInto, type ImportInput } from '../sources/import-source.ts';
import type { Auth } from './auth.ts';
import { writeRateLimit } from './hardening.ts';
import { badRequest } from './errors.ts';

export const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;
const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

export async function importRoutes(
  app: FastifyInstance,
  opts: { services: Services; auth: Auth; audit: (req: FastifyRequest, action: string, rows: number, detail?: unknown) => void },
): Promise<void> {
  const { services, auth, audit } = opts;
  app.addContentTypeParser(XLSX_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post('/api/import', { bodyLimit: IMPORT_BODY_LIMIT, config: writeRateLimit }, async (req, reply) => {
    auth.require(req, 'operator');
    let input: ImportInput;
    if (Buffer.isBuffer(req.body)) input = { xlsx: req.body };
    else if (req.body && typeof req.body === 'object' && typeof (req.body as { files?: unknown }).files === 'object') {
      input = { files: (req.body as { files: Record<string, unknown> }).files };
    } else throw badRequest('send an XLSX workbook (Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) or JSON { "files": { "orgs.csv": "<csv text>", … } }');
    const res = await importInto(services.importDataset, services.store, input);
    if (!res.ok) {
      return reply.status(400).send({
        error: 'invalid_import',
        message: `${res.errorCount} bad row(s); nothing was written`,
        errors: res.errors,
        errorCount: res.errorCount,
      });
    }
    audit(req, 'import', res.rows, { added: res.summary.added });
    return { rows: res.rows, added: res.summary.added };
  });
}
