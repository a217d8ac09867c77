// Every setting and its default in one place: a pure function of argv and env (CONTRACTS §5).

import { parseInstant } from '../shared/periods.ts';

export interface Config {
  db: string;
  port: number;
  host: string;
  simulator: boolean;
  /** Simulated events per second when the simulator runs. */
  simulatorRate: number;
  /** A frozen clock (epoch ms) for tests and rehearsals; null = the real time. */
  clock: number | null;
  rulesFile: string | null;
  /** The exhibition tour (--tour); null = data/tour.json when present, else the shipped default. */
  tourFile: string | null;
  dataDir: string;
  centreName: string;
  /** Coalescing window for socket deltas (ms). */
  deltaWindowMs: number;
  heartbeatMs: number;
  /** Where the built screen lives; null to serve no screen. */
  screenDir: string | null;
  /** The file of hashed tokens (see README; `npm run token` appends to it); null = none. */
  tokensFile: string | null;
  logLevel: string;
}

export class ConfigError extends Error {}

// 'to' and 'scope' belong to the export and backup commands, which share this parser.
const FLAGS_WITH_VALUE = new Set(['db', 'port', 'host', 'clock', 'rules', 'tour', 'data', 'centre-name', 'rate', 'delta-window', 'tokens', 'screen', 'log-level', 'to', 'scope']);

/** `extra` names a command's own flags that take a value (e.g. `npm run token -- --name x`). */
export function parseFlags(argv: string[], extra: string[] = []): { flags: Map<string, string | true>; rest: string[] } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) flags.set(name, inline);
    else if (FLAGS_WITH_VALUE.has(name) || extra.includes(name)) {
      if (i + 1 >= argv.length) throw new ConfigError(`--${name} needs a value`);
      flags.set(name, argv[++i]);
    } else flags.set(name, true);
  }
  return { flags, rest };
}

export function readConfig(argv: string[], env: Record<string, string | undefined>): Config {
  const { flags } = parseFlags(argv);
  const str = (flag: string, envName: string, fallback: string) => {
    const v = flags.get(flag);
    return typeof v === 'string' ? v : env[envName] ?? fallback;
  };
  const dataDir = str('data', 'VANGUARD_DATA', 'data');
  const port = Number(str('port', 'PORT', '5170'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be 0–65535, got ${port}`);
  const clockText = str('clock', 'VANGUARD_CLOCK', '');
  const clock = clockText ? parseInstant(clockText) : null;
  if (clockText && clock === null) throw new ConfigError(`--clock must be an ISO 8601 instant, got "${clockText}"`);
  // The push window: deltas of a scope leave at most once per window (the contract: ≤ 100 ms).
  const window = Number(str('delta-window', 'VANGUARD_DELTA_WINDOW_MS', '100'));
  if (!(window >= 10 && window <= 100)) throw new ConfigError(`--delta-window must be 10–100 ms, got ${window}`);
  const rate = Number(str('rate', 'VANGUARD_SIM_RATE', '3'));
  if (!(rate > 0 && rate <= 10_000)) throw new ConfigError(`--rate must be a positive number of events per second, got ${rate}`);
  return {
    db: str('db', 'VANGUARD_DB', `${dataDir}/vanguard.db`),
    port,
    host: str('host', 'HOST', '127.0.0.1'),
    simulator: !(flags.has('no-simulator') || env.VANGUARD_NO_SIMULATOR === '1'),
    simulatorRate: rate,
    clock,
    rulesFile: str('rules', 'VANGUARD_RULES', '') || null,
    tourFile: str('tour', 'VANGUARD_TOUR', '') || null,
    dataDir,
    centreName: str('centre-name', 'VANGUARD_CENTRE_NAME', '锋领 · 智慧党建指挥中心'),
    deltaWindowMs: window,
    heartbeatMs: 5000,
    screenDir: str('screen', 'VANGUARD_SCREEN_DIR', 'dist/screen') || null,
    // data/local/ is ignored by git: hashes of real tokens never land in the repository.
    tokensFile: str('tokens', 'VANGUARD_TOKENS', `${dataDir}/local/tokens.json`) || null,
    logLevel: str('log-level', 'LOG_LEVEL', 'info'),
  };
}

/** Defaults for tests: an in-memory database, a frozen clock, no simulator, no screen, no tokens. */
export function testConfig(over: Partial<Config> = {}): Config {
  return { ...readConfig([], {}), db: ':memory:', port: 0, simulator: false, screenDir: null, tokensFile: null, logLevel: 'silent', ...over };
}
