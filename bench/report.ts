// What every benchmark reports: the machine, percentiles, and a row in docs/performance.md.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const round = (ms: number): number => Math.round(ms * 10) / 10;

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** p50, p95, p99 and the slowest of the latencies of one run (sorted in place). */
export function latencySummary(latencies: number[]): {
  p50: number;
  p95: number;
  p99: number;
  max: number;
} {
  latencies.sort((a, b) => a - b);
  return {
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? Number.NaN),
  };
}

export type Machine = {
  cpu: string;
  cores: number;
  ramGiB: number;
  platform: string;
  /** 1-minute load average when the run ended: other work on the machine skews the numbers. */
  loadAverage: number;
};

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}

export function describeMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB (load ${m.loadAverage})`;
}

/** Writes bench/results/<name>-<date>.json. */
export function writeResult(name: string, summary: unknown): string {
  const results = path.join(ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  const file = path.join(results, `${name}-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return path.relative(ROOT, file);
}

/**
 * Appends a table row under `heading` in docs/performance.md, creating the section (heading,
 * description, table header) the first time.
 */
export function appendRow(heading: string, intro: string, header: string, row: string): void {
  const doc = path.join(ROOT, 'docs', 'performance.md');
  const text = readFileSync(doc, 'utf8');
  if (!text.includes(`\n## ${heading}\n`)) {
    appendFileSync(doc, `\n## ${heading}\n\n${intro}\n\n${header}\n`);
  }
  const lines = readFileSync(doc, 'utf8').split('\n');
  const start = lines.indexOf(`## ${heading}`);
  let end = start + 1;
  while (end < lines.length && !lines[end]?.startsWith('## ')) end++;
  while (end > start && lines[end - 1] === '') end--;
  lines.splice(end, 0, row);
  writeFileSync(doc, lines.join('\n'));
}
