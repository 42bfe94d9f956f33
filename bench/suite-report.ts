import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './report';

/** Writes bench/results/suite-<time>.json (a timestamped file per run; git ignores them). */
export function writeSuiteResult(date: string, summary: unknown): string {
  const results = path.join(ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  const file = path.join(results, `suite-${date.replaceAll(':', '-').slice(0, 19)}.json`);
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return file;
}
