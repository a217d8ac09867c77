// npm start: build the screen if needed, create the demo district if the database is missing,
// then run the server (with the live simulator) and print the wall's URL.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags } from './config.ts';
import { buildDemo } from './cli/demo-build.ts';

const root = join(import.meta.dirname, '..');
const { flags } = parseFlags(process.argv.slice(2));
const db = typeof flags.get('db') === 'string' ? (flags.get('db') as string) : process.env.VANGUARD_DB ?? join(root, 'data', 'vanguard.db');

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const built = join(root, 'dist', 'screen', 'index.html');
if (!existsSync(built) || statSync(built).mtimeMs < Math.max(newest(join(root, 'screen')), newest(join(root, 'shared')))) {
  console.log('building the screen…');
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
if (!existsSync(db)) {
  console.log('creating the demo district (about 2,650 organisations, 47,000 members, a year of history)…');
  const res = buildDemo({ db, seed: 1, scale: 'district', clock: Date.now(), dataDir: join(root, 'data') });
  console.log(`  ${res.orgs} organisations, ${res.members} members, ${res.rows} rows in ${res.seconds.toFixed(1)} s`);
}
process.argv = [process.argv[0], process.argv[1], '--db', db, ...process.argv.slice(2).filter((a, i, all) => a !== '--db' && all[i - 1] !== '--db')];
await import('./main.ts');
