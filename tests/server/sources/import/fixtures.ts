// The fixture folders under tests/fixtures/import, as paths and as texts for in-memory variants.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'import');
export const VALID = join(FIXTURES, 'valid');
export const BAD = join(FIXTURES, 'bad');

/** The valid folder's files as text (BOM dropped), keyed by file name. */
export function validTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(VALID)) out[name] = readFileSync(join(VALID, name), 'utf8').replace(/^\uFEFF/, '');
  return out;
}

/** The valid texts with one line appended to a file; returns the texts and that line's number. */
export function withLine(file: string, line: string): { files: Record<string, string>; line: number } {
  const files = validTexts();
  const text = files[file].replace(/\r?\n?$/, '\n');
  files[file] = `${text}${line}\n`;
  return { files, line: text.split('\n').length };
}
