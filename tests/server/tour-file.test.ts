// The tour file: the shipped default is valid, defaults fill what an operator leaves out, and a
// refusal names the key so a hand-edited file can be fixed without reading code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.ts';
import { loadTour, tourSource, tourTarget, validateTour } from '../../server/tour-file.ts';
import { SCENE_KINDS } from '../../shared/tour.ts';

const scene = (over: Record<string, unknown> = {}) => ({ kind: 'overview', durationSeconds: 10, caption: { zh: '总览', en: 'Overview' }, ...over });
const errorsOf = (json: unknown) => {
  const res = validateTour(json);
  return res.ok ? [] : res.errors;
};

describe('tour file', () => {
  it('ships a default with every scene kind, that validates', () => {
    const tour = loadTour(tourSource(null, mkdtempSync(join(tmpdir(), 'tour-none-'))));
    expect(tour.scenes.map((s) => s.kind).sort()).toEqual([...SCENE_KINDS].sort());
    expect(tour.idleResumeSeconds).toBe(60);
    expect(tour.watchdog.quietHour).toBe('04:00');
  });

  it('fills the idle time and the watchdog when left out', () => {
    const res = validateTour({ scenes: [scene()], watchdog: { heapLimitMb: 512 } });
    expect(res.ok && res.tour).toEqual({ idleResumeSeconds: 60, scenes: [scene()], watchdog: { heapLimitMb: 512, staleMinutes: 10, quietHour: '04:00' } });
  });

  it.each([
    [{ scenes: [scene({ durationSeconds: 0 })] }, 'scenes[0].durationSeconds'],
    [{ scenes: [scene(), scene({ kind: 'weather' })] }, 'scenes[1].kind'],
    [{ scenes: [scene({ caption: { zh: '总览' } })] }, 'scenes[0].caption.en'],
    [{ scenes: [scene({ durationSecs: 5 })] }, 'scenes[0].durationSecs: unknown key'],
    [{ scenes: [] }, 'scenes:'],
    [{ scenes: [scene()], idleResumeSeconds: '60' }, 'idleResumeSeconds'],
    [{ scenes: [scene()], watchdog: { quietHour: '4am' } }, 'watchdog.quietHour'],
    [{ scenes: [scene({ kind: 'spotlight', rotateAmong: 1.5 })] }, 'scenes[0].rotateAmong'],
    [[], '(the file)'],
  ])('refuses %j naming %s', (json, key) => {
    const errors = errorsOf(json);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(key);
  });

  it('prefers --tour, then data/tour.json, then the default; a PUT never writes the default', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tour-data-'));
    expect(tourSource(null, dataDir)).toMatch(/data\/tour\.default\.json$/);
    writeFileSync(join(dataDir, 'tour.json'), JSON.stringify({ scenes: [scene()] }));
    expect(tourSource(null, dataDir)).toBe(join(dataDir, 'tour.json'));
    expect(tourSource('/etc/wall/tour.json', dataDir)).toBe('/etc/wall/tour.json');
    expect(tourTarget(null, dataDir)).toBe(join(dataDir, 'tour.json'));
    expect(readConfig(['--tour', '/x/t.json'], {}).tourFile).toBe('/x/t.json');
    expect(readConfig([], { VANGUARD_TOUR: '/y.json' }).tourFile).toBe('/y.json');
  });

  it('refuses a bad file at load with the file and the key named', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tour-bad-')), 'tour.json');
    writeFileSync(file, JSON.stringify({ scenes: [scene({ caption: { zh: '', en: 'x' } })] }));
    expect(() => loadTour(file)).toThrow(/tour file .*tour\.json refused:[\s\S]*scenes\[0\]\.caption\.zh/);
    writeFileSync(file, '{ not json');
    expect(() => loadTour(file)).toThrow(/cannot be read as JSON/);
  });
});
