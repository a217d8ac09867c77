// shared/ is imported by both the server and the screen, so it must stay pure: no Node built-ins,
// no DOM, no framework. tsc (shared/tsconfig.json: no DOM lib, no node types) catches globals;
// this test catches imports, which a bundler would otherwise happily resolve.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', 'shared');
const ALLOWED = /^(\.{1,2}\/|dayjs(\/|$))/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

export function forbiddenImports(source: string): string[] {
  const specs = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.filter((s) => !ALLOWED.test(s));
}

describe('shared/ fence', () => {
  it('recognises a forbidden import when one sneaks in', () => {
    expect(forbiddenImports("import { readFileSync } from 'node:fs';")).toEqual(['node:fs']);
    expect(forbiddenImports("import { ref } from 'vue'")).toEqual(['vue']);
    expect(forbiddenImports("const io = await import('socket.io-client')")).toEqual(['socket.io-client']);
    expect(forbiddenImports("import type { X } from './model.ts'")).toEqual([]);
  });

  it('holds: shared/ imports only itself and dayjs', () => {
    const offenders = files(ROOT).flatMap((file) =>
      forbiddenImports(readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
