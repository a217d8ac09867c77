import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/config.ts';
import { loadRules } from '../../server/rules-file.ts';
import { createServices } from '../../server/services.ts';
import { testConfig } from '../../server/config.ts';

describe('readConfig: flags of CONTRACTS §5, env as fallback', () => {
  it.each([
    [['--db', 'x.db', '--port', '0', '--no-simulator'], {}, { db: 'x.db', port: 0, simulator: false }],
    [['--clock', '2026-04-01T00:30:00+08:00'], {}, { clock: Date.parse('2026-03-31T16:30:00Z') }],
    [[], { VANGUARD_DB: 'env.db', PORT: '8080' }, { db: 'env.db', port: 8080, simulator: true }],
    [['--host=0.0.0.0'], {}, { host: '0.0.0.0' }],
    [[], {}, { deltaWindowMs: 100 }],
    [['--delta-window', '50'], {}, { deltaWindowMs: 50 }],
    [[], { VANGUARD_DELTA_WINDOW_MS: '40' }, { deltaWindowMs: 40 }],
  ])('%j %j', (argv, env, expected) => {
    expect(readConfig(argv, env)).toMatchObject(expected);
  });

  it.each([
    [['--port', '99999'], /port/],
    [['--clock', 'tomorrow'], /--clock must be an ISO 8601 instant/],
    [['--db'], /--db needs a value/],
    [['--delta-window', '250'], /--delta-window must be 10–100 ms/],
  ])('refuses %j', (argv, message) => {
    expect(() => readConfig(argv, {})).toThrow(message);
  });
});

describe('rules file at start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  const defaults = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/rules.default.json'), 'utf8'));

  it('the default rules load', () => {
    expect(loadRules(null)).toEqual(defaults);
  });

  it('a bad value is refused with its key named, and the server does not start', () => {
    const bad = structuredClone(defaults);
    const firstKey = Object.keys(bad)[0];
    bad[firstKey] = 'not an object';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    expect(() => loadRules(file)).toThrow(ConfigError);
    expect(() => loadRules(file)).toThrow(new RegExp(firstKey));
    expect(() => createServices(testConfig({ rulesFile: file }))).toThrow(new RegExp(`rules file .*${firstKey}`, 's'));
  });

  it('a file that is not JSON is refused clearly', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ thresholds: ');
    expect(() => loadRules(file)).toThrow(/not valid JSON/);
  });
});
