// The repository's root, found from this module's place: server/ when run from source (tsx),
// dist/server/ when run from the bundle that `npm start` builds. Files shipped with the code
// (data/*.default.json, server/store/migrations) are read from here, not from the cwd.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = findRoot(import.meta.dirname);
