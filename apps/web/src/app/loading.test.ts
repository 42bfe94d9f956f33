import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Mantine's <Loader> renders a role-less <span>; an aria-label there is prohibited ARIA (axe
// `aria-prohibited-attr`, issue 8). Every spinner goes through <Loading label="…"> (loading.tsx),
// which names a `status` region instead — so no other file may render a Loader itself.
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('loading spinners', () => {
  it('are rendered only by the accessible Loading component', () => {
    const offenders = sourceFiles(src)
      .filter((file) => path.relative(src, file) !== path.join('app', 'loading.tsx'))
      .filter((file) => /<Loader\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(src, file));
    expect(offenders, 'use <Loading label="…"> from app/loading.tsx instead').toEqual([]);
  });
});
