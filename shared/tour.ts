// The exhibition tour as data: the scenes a wall rotates through, their captions in both
// languages, and the wall's long-running hygiene settings. The server validates and serves it
// (GET/PUT /api/tour); the screen plays it. A caption may name live figures as {placeholders}.

export const SCENE_KINDS = ['overview', 'meetings', 'dues', 'warnings', 'rankings', 'spotlight', 'pipeline'] as const;
export type SceneKind = (typeof SCENE_KINDS)[number];

export interface TourScene {
  kind: SceneKind;
  durationSeconds: number;
  caption: { zh: string; en: string };
  /** Spotlight only: the scene rotates through this many top-ranked branches. */
  rotateAmong?: number;
}

export interface WatchdogSettings {
  /** Soft reload once the JS heap passes this (MB); where the browser reports no heap, never. */
  heapLimitMb: number;
  /** Soft reload once the connection has been stale or reconnecting this long (minutes). */
  staleMinutes: number;
  /** A soft reload every day at this local time (Asia/Shanghai), "HH:MM"; null for none. */
  quietHour: string | null;
}

export interface TourConfig {
  /** A touch pauses the tour; it resumes where it stopped after this many seconds without one. */
  idleResumeSeconds: number;
  scenes: TourScene[];
  watchdog: WatchdogSettings;
}

/** The live figures a caption may name. */
export interface CaptionValues {
  cleared?: number;
  red?: number;
  name?: string;
  top?: string;
  compliance?: string;
  dues?: string;
  seconds?: number;
}

/** Replaces {key} with its value; a key without a value becomes "—" so a caption never shows braces. */
export function fillCaption(text: string, values: CaptionValues): string {
  return text.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const v = values[key as keyof CaptionValues];
    return v === undefined || v === null || v === '' ? '—' : String(v);
  });
}
