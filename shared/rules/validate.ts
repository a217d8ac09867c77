// A tiny schema walker for operator-edited JSON (rules, prescriptions). The files are small and
// hand-edited, so every error names its key path and the value found; unknown keys are refused
// because a typo ("yelow") would otherwise silently keep the default.

export type Check = (value: unknown) => string | null;
/** A schema is a check for a leaf, an object of exact fields, or a map (`$map`) whose keys may be limited. */
export type Schema = Check | MapSchema | { [key: string]: Schema };
export interface MapSchema {
  $map: Schema;
  keys: readonly string[] | null;
}

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v) ?? v));

export const ratio: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? null : `must be a number between 0 and 1, got ${show(v)}`;
export const nonNegative: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : `must be a number ≥ 0, got ${show(v)}`;
export const positiveInt: Check = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : `must be a whole number ≥ 1, got ${show(v)}`;
export const wholeNumber: Check = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : `must be a whole number ≥ 0, got ${show(v)}`;
export const text: Check = (v) =>
  typeof v === 'string' && v.trim() !== '' ? null : `must be a non-empty string, got ${show(v)}`;
export const oneOf =
  (...allowed: string[]): Check =>
  (v) =>
    typeof v === 'string' && allowed.includes(v) ? null : `must be one of ${allowed.join(', ')}, got ${show(v)}`;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects every error under `path`; an empty list means the value matches the schema. */
export function check(schema: Schema, value: unknown, path: string, errors: string[]): void {
  if (typeof schema === 'function') {
    const problem = schema(value);
    if (problem) errors.push(`${path}: ${problem}`);
    return;
  }
  if (!isPlain(value)) {
    errors.push(`${path || '(root)'}: must be an object, got ${show(value)}`);
    return;
  }
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if ('$map' in schema) {
    const map = schema as MapSchema;
    for (const [key, v] of Object.entries(value)) {
      if (map.keys && !map.keys.includes(key)) errors.push(`${at(key)}: unknown key (allowed: ${map.keys.join(', ')})`);
      else check(map.$map, v, at(key), errors);
    }
    return;
  }
  const fields = schema as Record<string, Schema>;
  for (const key of Object.keys(value)) if (!(key in fields)) errors.push(`${at(key)}: unknown key`);
  for (const [key, sub] of Object.entries(fields)) {
    if (!(key in value)) errors.push(`${at(key)}: missing`);
    else check(sub, value[key], at(key), errors);
  }
}
