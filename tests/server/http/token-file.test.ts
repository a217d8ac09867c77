// npm run token's core: a new token works against the file it was added to, only its hash is
// stored, and a duplicate name or a malformed file is refused without touching the file.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config.ts';
import { createAuth, loadTokens } from '../../../server/http/auth.ts';
import { addToken } from '../../../server/http/token-file.ts';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'token-cli-')), 'local', 'tokens.json');

describe('addToken', () => {
  it('creates the file (owner-only), stores the hash, and the token resolves to its profile', () => {
    const file = tempFile();
    const wall = addToken(file, 'wall-1', 'leader');
    const desk = addToken(file, 'ops-desk', 'operator');
    expect(wall).toMatch(/^[\w-]{43}$/);
    expect(readFileSync(file, 'utf8')).not.toContain(wall);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const auth = createAuth(loadTokens(file));
    expect([auth.identify(wall)?.profile, auth.identify(desk)?.profile, auth.identify('guess'), auth.identify(undefined)?.profile]).toEqual(['leader', 'operator', null, 'public']);
  });

  it('refuses a name already there, a bad name, and a malformed file, leaving the file as it was', () => {
    const file = tempFile();
    addToken(file, 'wall-1', 'leader');
    const before = readFileSync(file, 'utf8');
    expect(() => addToken(file, 'wall-1', 'operator')).toThrow(/exists/);
    expect(() => addToken(file, 'bad name!', 'leader')).toThrow(/--name/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    writeFileSync(file, '{ "tokens": [ {');
    expect(() => addToken(file, 'wall-2', 'leader')).toThrow(/tokens file/);
    expect(readFileSync(file, 'utf8')).toBe('{ "tokens": [ {');
  });

  it('the server and the command find the same default file, and a missing one means no tokens', () => {
    expect(readConfig([], {}).tokensFile).toBe('data/local/tokens.json');
    expect(readConfig(['--data', 'x'], {}).tokensFile).toBe('x/local/tokens.json');
    expect(loadTokens(join(tmpdir(), 'no-such-dir', 'tokens.json'))).toEqual([]);
  });
});
