// The bulk writer (a batch of rows per statement, rollups flushed in batches, indexes built once
// at the end) must leave exactly what the row-by-row writer leaves: the path live events take and
// the one every import took before. Each case imports the same source both ways, into databases
// in the same state, and compares every table, the summary and the in-memory directory.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/domain.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { generateDemo } from '../../../server/sources/demo/index.ts';
import { writeCsvFolder } from '../../../server/sources/export/index.ts';
import { sourceFiles, streamCsv } from '../../../server/sources/import/index.ts';
import { importChunks, importDataset, type ImportOptions, type ImportSummary } from '../../../server/store/import-dataset.ts';
import type { Store } from '../../../server/store/store.ts';
import { member, tinyDataset } from '../../helpers/tiny-dataset.ts';
import { dumpTables, tempStores } from '../../helpers/store-dump.ts';

const { root, store } = tempStores('vanguard-bulk-');
const dump = dumpTables;

const summary = (s: ImportSummary) => ({ rows: s.rows, added: s.added, touched: [...s.touched].sort() });
const directory = (s: Store) => ({
  members: [...s.dir.members.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  stays: [...s.dir.staysByBranch].map(([k, v]) => [k, [...v].sort()]).sort(),
  version: s.dir.version,
});

/** Runs the same steps on two stores, row by row and in bulk, and expects the same results. */
function bothWays(steps: ((s: Store, options: ImportOptions) => ImportSummary)[]): Store {
  const [rowByRow, bulk] = [store(), store()];
  for (const step of steps) {
    const expected = summary(step(rowByRow, { bulk: false }));
    expect(summary(step(bulk, { bulk: true }))).toEqual(expected);
  }
  expect(dump(bulk)).toEqual(dump(rowByRow));
  expect(directory(bulk)).toEqual(directory(rowByRow));
  return bulk;
}

const dataset = (s: Store, ds: Dataset, options: ImportOptions) => importDataset(s.db, s.dir, ds, options);

let demo: Dataset;
let demoCsv: string;
beforeAll(async () => {
  demo = generateDemo({ seed: 3, scale: 'small', clock: parseInstant('2026-06-15T12:00:00+08:00')! }).dataset;
  demoCsv = join(root, 'demo');
  await writeCsvFolder(demo, demoCsv);
});

describe('the bulk import writer', () => {
  it('writes what the row-by-row writer writes, into a new database', () => {
    const s = bothWays([(s, o) => dataset(s, demo, o)]);
    expect(dump(s).attendance.length).toBeGreaterThan(5_000);
  });

  it('does so from the streamed CSV reader, in small chunks', () => {
    const source = sourceFiles(demoCsv, readdirSync(demoCsv));
    if (source.kind !== 'csv') throw new Error('not a CSV folder');
    bothWays([(s, o) => importChunks(s.db, s.dir, streamCsv(source.files, s.importLookup, 300), o)]);
  });

  it('imports on top of rows already there, and a re-import changes nothing', () => {
    const people: Dataset = { ...demo, meetings: [], attendance: [], dues: [], activities: [], tasks: [], applicants: [] };
    const facts: Dataset = { ...demo, orgs: [], groups: [], members: [] };
    // Half of the facts first, then all of them: every batch then meets keys already there.
    const half: Dataset = { ...facts, attendance: facts.attendance.filter((_, i) => i % 2 === 0), dues: facts.dues.slice(0, facts.dues.length >> 1) };
    bothWays([(s, o) => dataset(s, tinyDataset(), o), (s, o) => dataset(s, people, o), (s, o) => dataset(s, half, o), (s, o) => dataset(s, facts, o), (s, o) => dataset(s, demo, o)]);
  });

  it('keeps the first of two rows with the same key, as INSERT OR IGNORE does', () => {
    const ds = tinyDataset();
    const twice: Dataset = {
      ...ds,
      members: [...ds.members, member('MX', '重复', ds.members[0].org_code), member('MX', '又一个', ds.members[0].org_code)],
      attendance: [...ds.attendance, ...ds.attendance.map((a) => ({ ...a, status: 'leave' as const }))],
      dues: [...ds.dues, ...ds.dues.map((d) => ({ ...d, amount: d.amount + 1 }))],
    };
    expect(ds.attendance.length).toBeGreaterThan(0);
    bothWays([(s, o) => dataset(s, twice, o)]);
  });

  it('rolls back with the indexes in place when the import throws half-way', () => {
    const s = store();
    const before = dump(s);
    const ds = tinyDataset();
    const broken = { ...ds, attendance: [...ds.attendance, { ...ds.attendance[0], meeting_id: 'NO-SUCH-MEETING' }] };
    expect(() => dataset(s, broken, { bulk: true })).toThrow(/unknown meeting/);
    expect(dump(s)).toEqual(before);
  });
});
