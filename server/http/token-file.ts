// Adding a token to the tokens file: the token itself is returned once and only its SHA-256 is
// written, so a copied file or backup never holds a usable credential.

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Profile } from '../../shared/socket.ts';
import { ConfigError } from '../config.ts';
import { hashToken, loadTokens } from './auth.ts';

export function addToken(file: string, name: string, profile: Exclude<Profile, 'public'>): string {
  if (!/^[\w.-]{1,64}$/.test(name)) throw new ConfigError('--name must be 1–64 letters, digits, ".", "_" or "-"');
  // Parsing first refuses a malformed file instead of overwriting it.
  if (loadTokens(file).some((t) => t.name === name)) throw new ConfigError(`a token named "${name}" exists in ${file}; remove its line to revoke it first`);
  const json = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { tokens?: unknown[] }) : {};
  // 32 random bytes: far beyond guessing, and the hash compare stays constant-time.
  const token = randomBytes(32).toString('base64url');
  const tokens = [...(json.tokens ?? []), { name, profile, sha256: hashToken(token) }];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...json, tokens }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return token;
}
