// GET /api/export/raw.xlsx?scope= (leader or operator): the raw facts in the import format
// (CONTRACTS §1), one sheet per file, so a district's export imports into an empty database and
// gives the same indicators. A district too big for a sheet (Excel's 1,048,575 rows) is refused
// up front with the way out: `npm run export` writes a CSV folder instead.

import type { FastifyInstance } from 'fastify';
import { DATASET_FILES } from '../../shared/domain.ts';
import { formatInstant } from '../../shared/periods.ts';
import type { Services } from '../services.ts';
import { descendants } from '../aggregate/structure.ts';
import { MAX_SHEET_ROWS, writeDatasetXlsx } from '../sources/export/index.ts';
import { datasetRowCounts, readDataset } from '../store/dataset-read.ts';
import type { Auth } from './auth.ts';
import { HttpError } from './errors.ts';
import { scopeOrRoot } from './params.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tooLarge = (file: string, rows: number) =>
  new HttpError(413, 'payload_too_large', `${file} has ${rows} rows, more than an XLSX sheet holds (${MAX_SHEET_ROWS}); use npm run export -- --to <folder> for CSV`);

export async function exportRoutes(app: FastifyInstance, opts: { services: Services; auth: Auth }): Promise<void> {
  const { services: s, auth } = opts;

  app.get<{ Querystring: { scope?: string } }>('/api/export/raw.xlsx', async (req, reply) => {
    auth.require(req, 'leader');
    const scope = scopeOrRoot(s, req.query.scope);
    const whole = scope === s.store.dir.root;
    if (whole) {
      const counts = datasetRowCounts(s.store.db);
      const over = DATASET_FILES.find((f) => counts[f] > MAX_SHEET_ROWS);
      if (over) throw tooLarge(over, counts[over]);
    }
    const ds = readDataset(s.store.db, whole ? undefined : new Set(descendants(s.store.dir, scope)));
    const over = DATASET_FILES.find((f) => ds[f].length > MAX_SHEET_ROWS);
    if (over) throw tooLarge(over, ds[over].length);
    const stamp = formatInstant(s.clock.now()).slice(0, 10);
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="raw-${scope}-${stamp}.xlsx"`)
      .send(await writeDatasetXlsx(ds));
  });
}
