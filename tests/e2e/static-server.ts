// Test-only: serves the built screen (dist/screen) on an ephemeral port, index.html for unknown
// paths, and 404 for /api so the wall's tolerant loaders are exercised.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface Served {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** `api` answers /api/* paths with JSON (undefined → 404); /socket.io is left to an attached io. */
export async function serveStatic(root: string, api?: (path: string) => unknown): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/socket.io')) return; // handled by a Socket.IO server when attached
    const answer = path.startsWith('/api/') ? api?.(path) : undefined;
    if (answer !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      return;
    }
    if (path.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, close: () => new Promise((r) => server.close(() => r())) };
}

/** Builds the screen into its own folder per test file, so files running in parallel never
 * empty each other's output. Returns the folder. */
export async function buildScreen(root: string, name: string): Promise<string> {
  const { build } = await import('vite');
  const outDir = join(root, 'dist', `e2e-${name}`);
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}
