// npm run demo -- --db <file> --seed <n> --scale small|district [--clock <ISO instant>]

import { parseInstant } from '../../shared/periods.ts';
import { parseFlags } from '../config.ts';
import { buildDemo } from './demo-build.ts';

const { flags } = parseFlags(process.argv.slice(2));
const get = (k: string, d: string) => (typeof flags.get(k) === 'string' ? (flags.get(k) as string) : d);
const scale = get('scale', 'district');
const seed = Number(get('seed', '1'));
const clockText = get('clock', '');
const clock = clockText ? parseInstant(clockText) : Date.now();
if (scale !== 'small' && scale !== 'district') {
  console.error('--scale must be small or district');
  process.exit(2);
}
if (!Number.isInteger(seed) || clock === null) {
  console.error('--seed must be an integer and --clock an ISO 8601 instant');
  process.exit(2);
}
const db = get('db', 'data/vanguard.db');
const res = buildDemo({ db, seed, scale, clock, dataDir: get('data', 'data') });
console.log(`demo district (${scale}, seed ${seed}): ${res.orgs} organisations, ${res.members} members, ${res.rows} rows → ${db} in ${res.seconds.toFixed(1)} s`);
