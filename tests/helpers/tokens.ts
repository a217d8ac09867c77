// Known tokens for tests: a temporary tokens file (hashed, as in production) with one leader and
// one operator, and the headers that carry them. Tests use these instead of any open-access switch.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken } from '../../server/http/auth.ts';

export const LEADER_TOKEN = 'test-leader-token-0123456789';
export const OPERATOR_TOKEN = 'test-operator-token-0123456789';

/** Writes a fresh tokens file and returns its path (pass as `tokensFile` or `--tokens`). */
export function testTokensFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'vanguard-tokens-')), 'tokens.json');
  writeFileSync(
    file,
    JSON.stringify({
      tokens: [
        { name: 'test-leader', profile: 'leader', sha256: hashToken(LEADER_TOKEN) },
        { name: 'test-operator', profile: 'operator', sha256: hashToken(OPERATOR_TOKEN) },
      ],
    }),
  );
  return file;
}

export const asLeader = { authorization: `Bearer ${LEADER_TOKEN}` } as const;
export const asOperator = { authorization: `Bearer ${OPERATOR_TOKEN}` } as const;
