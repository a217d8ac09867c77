// npm start: build the screen and the server bundle if needed, create the demo district if the
// database is missing, then run the server (with the live simulator) and print the wall's URL.

import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBundle, newestMtime } from './bundle.ts';
import { parseFlags } from './config.ts';
import { ROOT as root } from './root.ts';

const { flags } = parseFlags(process.argv.slice(2));
const db = typeof flags.get('db') === 'string' ? (flags.get('db') as string) : process.env.VANGUARD_DB ?? join(root, 'data', 'vanguard.db');

const built = join(root, 'dist', 'screen', 'index.html');
if (!existsSync(built) || statSync(built).mtimeMs < Math.max(newestMtime(join(root, 'screen')), newestMtime(join(root, 'shared')))) {
  console.log('building the screen…');
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
if (!existsSync(db)) {
  console.log('creating the demo district (about 2,650 organisations, 47,000 members, a year of history)…');
  const { buildDemo } = await import('./cli/demo-build.ts');
  const res = buildDemo({ db, seed: 1, scale: 'district', clock: Date.now(), dataDir: join(root, 'data') });
  console.log(`  ${res.orgs} organisations, ${res.members} members, ${res.rows} rows in ${res.seconds.toFixed(1)} s`);
}
process.argv = [process.argv[0], process.argv[1], '--db', db, ...process.argv.slice(2).filter((a, i, all) => a !== '--db' && all[i - 1] !== '--db')];
const bundle = ensureServerBundle();
await import(pathToFileURL(bundle).href);
