// The server as one bundled ES module (dist/server/main.js), which is what `npm start` and the
// benchmarks run. Loading ~100 TypeScript files through tsx, then Fastify, Socket.IO and their
// dependencies file by file, took about two thirds of the start-up CPU; one prebuilt file does not.
// Native and lazily loaded packages stay outside (better-sqlite3's addon, exceljs on first
// workbook), and so does pino, whose optional transports resolve files beside their own sources.

import { buildSync } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './root.ts';

export const SERVER_BUNDLE = join(ROOT, 'dist', 'server', 'main.js');

const EXTERNAL = ['better-sqlite3', 'exceljs', 'pino'];
const SOURCES = [join(ROOT, 'server'), join(ROOT, 'shared'), join(ROOT, 'package-lock.json')];

/** The newest modification time of a file or of any file below a folder. */
export function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) t = Math.max(t, newestMtime(join(path, name)));
  return t;
}

export function serverBundleStale(): boolean {
  if (!existsSync(SERVER_BUNDLE)) return true;
  const built = statSync(SERVER_BUNDLE).mtimeMs;
  return SOURCES.some((p) => existsSync(p) && newestMtime(p) > built);
}

export function buildServerBundle(): string {
  buildSync({
    entryPoints: [join(ROOT, 'server', 'main.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS packages call require() for Node's built-ins.
    banner: { js: "import { createRequire as __vanguardRequire } from 'node:module'; const require = __vanguardRequire(import.meta.url);" },
  });
  return SERVER_BUNDLE;
}

/** Builds the bundle when a source is newer than it; answers the bundle's path. */
export function ensureServerBundle(): string {
  return serverBundleStale() ? buildServerBundle() : SERVER_BUNDLE;
}
