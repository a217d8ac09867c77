// The exhibition tour file: data/tour.default.json, overridden by data/tour.json or --tour <file>.
// Validated with TypeBox at load and on PUT; a refusal names the key (scenes[2].durationSeconds),
// so an operator editing the file by hand can find the mistake.

import { readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { SCENE_KINDS, type TourConfig } from '../shared/tour.ts';
import { ConfigError } from './config.ts';
import { ROOT } from './root.ts';

const DEFAULT_FILE = join(ROOT, 'data', 'tour.default.json');

const Caption = Type.String({ minLength: 1, maxLength: 120 });
const SceneSchema = Type.Object(
  {
    kind: Type.Union(SCENE_KINDS.map((k) => Type.Literal(k))) as unknown as TUnion<TLiteral<(typeof SCENE_KINDS)[number]>[]>,
    durationSeconds: Type.Number({ minimum: 1, maximum: 3600 }),
    caption: Type.Object({ zh: Caption, en: Caption }, { additionalProperties: false }),
    rotateAmong: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  },
  { additionalProperties: false },
);
const TourSchema = Type.Object(
  {
    idleResumeSeconds: Type.Optional(Type.Number({ minimum: 5, maximum: 3600 })),
    scenes: Type.Array(SceneSchema, { minItems: 1, maxItems: 40 }),
    watchdog: Type.Optional(
      Type.Object(
        {
          heapLimitMb: Type.Optional(Type.Number({ minimum: 64, maximum: 16384 })),
          staleMinutes: Type.Optional(Type.Number({ minimum: 1, maximum: 1440 })),
          quietHour: Type.Optional(Type.Union([Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const check = TypeCompiler.Compile(TourSchema);

/** The schema and the shared type must describe the same scenes (a compile-time check). */
const sameScene = (s: Static<typeof SceneSchema>): TourConfig['scenes'][number] => s;

const DEFAULTS = { idleResumeSeconds: 60, watchdog: { heapLimitMb: 768, staleMinutes: 10, quietHour: '04:00' } };

/** JSON pointer (/scenes/2/caption/zh) → the key as an operator writes it (scenes[2].caption.zh). */
function keyOf(pointer: string): string {
  const key = pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
  return key || '(the file)';
}

export function validateTour(json: unknown): { ok: true; tour: TourConfig } | { ok: false; errors: string[] } {
  if (!check.Check(json)) {
    const seen = new Set<string>();
    const errors: string[] = [];
    for (const e of check.Errors(json)) {
      const key = keyOf(e.path);
      // A union reports every branch it tried; one line per key is what a reader needs.
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(`${key}: ${e.message === 'Unexpected property' ? 'unknown key' : e.message}`);
      if (errors.length >= 10) break;
    }
    return { ok: false, errors };
  }
  return {
    ok: true,
    tour: {
      idleResumeSeconds: json.idleResumeSeconds ?? DEFAULTS.idleResumeSeconds,
      scenes: json.scenes.map(sameScene),
      watchdog: { ...DEFAULTS.watchdog, ...json.watchdog },
    },
  };
}

/** The file the running tour comes from: --tour, else data/tour.json when present, else the default. */
export function tourSource(tourFile: string | null, dataDir: string): string {
  if (tourFile) return tourFile;
  const override = join(dataDir, 'tour.json');
  return existsSync(override) ? override : DEFAULT_FILE;
}

/** Where a PUT persists: the operator's file, never the shipped default. */
export function tourTarget(tourFile: string | null, dataDir: string): string {
  return tourFile ?? join(dataDir, 'tour.json');
}

export function loadTour(file: string): TourConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`tour file ${file} cannot be read as JSON: ${(err as Error).message}`);
  }
  const res = validateTour(json);
  if (!res.ok) throw new ConfigError(`tour file ${file} refused:\n  ${res.errors.join('\n  ')}`);
  return res.tour;
}

/** Written beside and renamed over, so a crash mid-write never leaves half a file to refuse at start-up. */
export function saveTour(file: string, tour: TourConfig): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(tour, null, 2)}\n`);
  renameSync(tmp, file);
}
