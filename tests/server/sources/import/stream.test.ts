// The streamed import (`npm run import` on CSV files): a worker thread reads while this thread
// writes. It must land exactly what the in-thread path (readSource, then importDataset) lands,
// refuse with exactly the same report, and leave nothing behind when the bad row is found only
// after many chunks were already written.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../server/sources/demo/index.ts';
import { writeCsvFolder } from '../../../../server/sources/export/index.ts';
import { importInto, importPath, type ImportOutcome } from '../../../../server/sources/import-source.ts';
import { ImportRefused, readSource, sourceFiles, streamCsv } from '../../../../server/sources/import/index.ts';
import { parseInstant } from '../../../../shared/periods.ts';
import { BAD, VALID, withLine } from './fixtures.ts';
import { dumpTables, tempStores } from '../../../helpers/store-dump.ts';
import type { Store } from '../../../../server/store/store.ts';

const { root, store, name } = tempStores('vanguard-stream-');
const dump = dumpTables;

function folder(files: Record<string, string | Buffer>): string {
  const dir = name();
  writeCsvFolderRaw(dir, files);
  return dir;
}

function writeCsvFolderRaw(dir: string, files: Record<string, string | Buffer>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

function copyFolder(from: string): string {
  const files: Record<string, Buffer> = {};
  for (const name of readdirSync(from)) files[name] = readFileSync(join(from, name));
  return folder(files);
}

/** The streamed write with small chunks, so even a small folder is written in many pieces. */
function importSmallChunks(s: Store, path: string, chunkRows: number): ImportOutcome {
  const source = sourceFiles(path, readdirSync(path));
  if (source.kind !== 'csv') throw new Error('not a CSV folder');
  try {
    const summary = s.importChunks(streamCsv(source.files, s.importLookup, chunkRows));
    return { ok: true, summary, rows: Object.values(summary.rows).reduce((a, b) => a + b, 0) };
  } catch (err) {
    if (err instanceof ImportRefused) return { ok: false, errors: err.errors, errorCount: err.errorCount };
    throw err;
  }
}

const refusal = (r: ImportOutcome) => (r.ok ? null : { errors: r.errors, errorCount: r.errorCount });

let demo: string;
beforeAll(async () => {
  demo = join(root, 'demo');
  const { dataset } = generateDemo({ seed: 3, scale: 'small', clock: parseInstant('2026-06-15T12:00:00+08:00')! });
  await writeCsvFolder(dataset, demo);
});

describe('the streamed import', () => {
  it('writes what the in-thread path writes, with the same summary', async () => {
    const inThread = store();
    const before = await importInto(inThread.importDataset, inThread, { path: demo });
    const streamed = store();
    const after = await importPath(streamed, demo);
    const chunked = store();
    const small = importSmallChunks(chunked, demo, 97);
    expect(before.ok && after.ok && small.ok).toBe(true);
    if (!before.ok || !after.ok || !small.ok) return;
    expect(after.rows).toBe(before.rows);
    expect(after.summary.added).toEqual(before.summary.added);
    expect(small.summary.added).toEqual(before.summary.added);
    expect(after.summary.touched).toEqual(before.summary.touched);
    const expected = dump(inThread);
    expect(expected.attendance.length).toBeGreaterThan(5_000);
    expect(dump(streamed)).toEqual(expected);
    expect(dump(chunked)).toEqual(expected);
    expect(streamed.dir.members.size).toBe(inThread.dir.members.size);
  });

  it('imports on top of what the database holds (references to rows already there), like the in-thread path', async () => {
    const [a, b] = [store(), store()];
    const first = copyFolder(demo);
    const second = copyFolder(demo);
    for (const f of ['meetings', 'attendance', 'dues', 'activities', 'tasks', 'applicants']) rmSync(join(first, `${f}.csv`));
    for (const f of ['orgs', 'groups', 'members']) rmSync(join(second, `${f}.csv`));
    for (const path of [first, second]) {
      const inThread = await importInto(a.importDataset, a, { path });
      const streamed = importSmallChunks(b, path, 500);
      expect(inThread.ok && streamed.ok).toBe(true);
    }
    // The same rows again change nothing, and say so (tasks and applicants are upserts, counted as written).
    const again = await importPath(b, demo);
    const { tasks, applicants, ...added } = again.ok ? again.summary.added : { tasks: 0, applicants: 0, x: 1 };
    expect(Object.values(added).every((x) => x === 0) && tasks > 0 && applicants > 0).toBe(true);
    expect(dump(b)).toEqual(dump(a));
  });

  it('refuses the bad fixture folder with the report readSource gives, writing nothing', async () => {
    const expected = await readSource(BAD);
    expect(expected.ok).toBe(false);
    const s = store();
    const empty = dump(s);
    const r = await importPath(s, BAD);
    expect(refusal(r)).toEqual(expected.ok ? null : { errors: expected.errors, errorCount: expected.errorCount });
    expect(dump(s)).toEqual(empty);
  });

  it.each([
    ['orgs.csv', 'C09,自己的上级,committee,C09,,,,,0,,,'],
    ['members.csv', 'M99,钱七,B02,full,,,,,G01,,,,,0,,0,,'],
    ['attendance.csv', 'MT99,M01,,'],
    ['applicants.csv', 'AP99,孙八,B99,applicant,'],
  ])('refuses a reference error in %s like readSource', async (file, line) => {
    const { files } = withLine(file, line);
    const path = folder(files);
    const expected = await readSource(path);
    expect(expected.ok).toBe(false);
    const s = store();
    expect(refusal(importSmallChunks(s, path, 2))).toEqual(expected.ok ? null : { errors: expected.errors, errorCount: expected.errorCount });
    expect(dump(s).orgs).toEqual([]);
  });

  it('refuses GBK with the clear message', async () => {
    const gbk = Buffer.concat([Buffer.from('code,branch_code,name\nG01,B01,'), Buffer.from([0xd6, 0xd0, 0xb9, 0xfa]), Buffer.from('\n')]);
    const path = copyFolder(VALID);
    writeFileSync(join(path, 'groups.csv'), gbk);
    const r = await importPath(store(), path);
    expect(!r.ok && r.errors[0].reason).toContain('groups.csv is not UTF-8 (looks like GBK/GB18030)');
  });

  describe('a bad row found late, after many chunks were written', () => {
    const cases: [what: string, line: string][] = [
      ['a malformed row', 'MT0000001,M999998,absent,'],
      ['an unknown member', 'MT0000001,M999999,present,'],
    ];
    it.each(cases)('%s at the end of attendance.csv rolls everything back', async (_, line) => {
      const s = store();
      expect((await importPath(s, VALID)).ok).toBe(true); // the database is not empty
      const before = dump(s);
      const members = s.dir.members.size;
      const path = copyFolder(demo);
      const text = readFileSync(join(path, 'attendance.csv'), 'utf8');
      const lineNo = text.split('\n').length;
      appendFileSync(join(path, 'attendance.csv'), `${line}\n`);
      const r = importSmallChunks(s, path, 100);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors.map((e) => [e.file, e.line])).toEqual([['attendance.csv', lineNo]]);
      expect(dump(s)).toEqual(before);
      expect(s.dir.members.size).toBe(members);
      // The refusal left the store usable: the same folder without the bad row goes in.
      writeFileSync(join(path, 'attendance.csv'), text);
      expect((await importPath(s, path)).ok).toBe(true);
    });
  });
});
