// The entry points of import: a folder of CSV files, one workbook, or an HTTP upload (a
// workbook's bytes, or CSV texts in JSON). All of them end in the same place: typed tables,
// then the cross-file references, then one ReadResult. Nothing here writes anywhere.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { DATASET_FILES, type DatasetFile } from '../../../shared/domain.ts';
import { Collector, type ReadOptions, type ReadResult } from './collector.ts';
import { readCsvText } from './csv.ts';
import { loadWorkbook, readSheet, sheetFile } from './xlsx.ts';

export type { ReadOptions, ReadResult };

const NAMES = DATASET_FILES.map((f) => `${f}.csv`).join(', ');

/** What a path holds: CSV files to read (in DATASET_FILES order), a workbook, or a refusal. */
export type SourceFiles =
  | { kind: 'csv'; files: { file: DatasetFile; label: string; path: string }[] }
  | { kind: 'workbook' }
  | { kind: 'refused'; reason: string };

/** names: the folder's entries, or null when path is a file. */
export function sourceFiles(path: string, names: readonly string[] | null): SourceFiles {
  if (names !== null) {
    const files: { file: DatasetFile; label: string; path: string }[] = [];
    for (const file of DATASET_FILES) {
      // Exact name first; a differently cased name (Members.CSV from Windows) is accepted too.
      const name = names.find((n) => n === `${file}.csv`) ?? names.find((n) => n.toLowerCase() === `${file}.csv`);
      if (name !== undefined) files.push({ file, label: name, path: join(path, name) }); // a missing file is zero rows
    }
    return files.length > 0 ? { kind: 'csv', files } : { kind: 'refused', reason: `the folder holds none of ${NAMES}` };
  }
  if (extname(path).toLowerCase() !== '.csv') return { kind: 'workbook' };
  const file = sheetFile(basename(path));
  if (file === null) return { kind: 'refused', reason: `a CSV file must be named one of ${NAMES}` };
  return { kind: 'csv', files: [{ file, label: basename(path), path }] };
}

/** A folder of CSV files, one CSV file named after its table, or one .xlsx workbook. */
export async function readSource(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const c = new Collector();
  const info = await stat(path).catch(() => null);
  if (info === null) return c.fail(basename(path), `${path} does not exist`);
  const source = sourceFiles(path, info.isDirectory() ? await readdir(path) : null);
  if (source.kind === 'refused') return c.fail(basename(path), source.reason);
  if (source.kind === 'workbook') return readWorkbook(c, await readFile(path), basename(path), options);
  for (const f of source.files) c.addCsv(f.file, f.label, await readFile(f.path));
  return c.finish(options);
}

/** An HTTP upload: workbook bytes, or the JSON form { files: { "orgs.csv": "<csv text>", … } }. */
export async function readSourceBuffer(buf: Uint8Array, kind?: 'xlsx' | 'json', options: ReadOptions = {}): Promise<ReadResult> {
  const looksJson = buf[0] === 0x7b || (buf[0] === 0xef && buf[3] === 0x7b);
  if (kind === 'json' || (kind === undefined && looksJson)) {
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(buf));
    } catch (err) {
      return new Collector().fail('upload', `the body is not valid JSON: ${(err as Error).message}`);
    }
    const files = (body as { files?: unknown } | null)?.files;
    if (typeof files !== 'object' || files === null) return new Collector().fail('upload', 'expected { "files": { "orgs.csv": "<csv text>", … } }');
    return readSourceFiles(files as Record<string, unknown>, options);
  }
  return readWorkbook(new Collector(), buf, 'upload', options);
}

/** CSV texts by file name, as in the JSON upload. Texts are already decoded, so no encoding check. */
export function readSourceFiles(files: Record<string, unknown>, options: ReadOptions = {}): ReadResult {
  const c = new Collector();
  for (const [name, text] of Object.entries(files)) {
    const file = sheetFile(name);
    if (file === null) c.errors.add(name, 0, null, null, `unknown file; expected one of ${NAMES}`);
    else if (typeof text !== 'string') c.errors.add(name, 0, null, null, 'the file content must be the CSV text as a string');
    else c.add(file, name, readCsvText(file, name, text, c.errors));
  }
  if (Object.keys(files).length === 0) return c.fail('upload', `no files; expected some of ${NAMES}`);
  return c.finish(options);
}

async function readWorkbook(c: Collector, bytes: Uint8Array, name: string, options: ReadOptions): Promise<ReadResult> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return c.fail(name, `${name} is an old Excel 97-2003 (.xls) workbook; save it as Excel Workbook (.xlsx)`);
  }
  // Every .xlsx is a zip; anything else (a CSV renamed .xlsx, an HTML "export") is refused here.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    return c.fail(name, `${name} is not an XLSX workbook (an .xlsx file is a zip archive); save it as Excel Workbook (.xlsx) or send CSV files`);
  }
  let wb;
  try {
    wb = await loadWorkbook(bytes);
  } catch (err) {
    return c.fail(name, `${name} could not be read as an XLSX workbook: ${(err as Error).message}`);
  }
  let found = 0;
  for (const ws of wb.worksheets) {
    const file = sheetFile(ws.name);
    if (file === null) continue; // other sheets (notes, pivot tables) are ignored like unknown columns
    found++;
    c.add(file, ws.name, readSheet(file, ws, c.errors));
  }
  if (found === 0) return c.fail(name, `${name} has no sheet named ${DATASET_FILES.join(', ')}`);
  return c.finish(options);
}
