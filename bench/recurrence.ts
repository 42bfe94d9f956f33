/**
 * Benchmark of expanding recurrence rules (`npm run bench:recurrence`; not a test): how long one
 * expansion holds the event loop, for ordinary series and for rules that never match. Before the
 * bound (issue 7, item 4) `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=1` took about 9 s; now the
 * impossible month/day pairs are refused before expanding and the rest stop at the day bound.
 */
import { AppError, expandSeries } from '@throughline/domain';
import { appendRow, describeMachine, machine, percentile, round, writeResult } from './report';

const RUNS = 50;
const RULES = [
  'FREQ=WEEKLY;BYDAY=TU;COUNT=24',
  'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=260',
  'FREQ=MONTHLY;BYDAY=1MO;COUNT=120',
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=1',
  'FREQ=DAILY;BYYEARDAY=1;BYMONTH=2;COUNT=1',
  'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=1;BYDAY=MO;COUNT=200',
];

const rows: { rule: string; outcome: string; p50: number; p95: number; max: number }[] = [];
for (const rule of RULES) {
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    try {
      const { starts } = expandSeries({
        rule,
        startLocal: '2026-12-01T10:00',
        timeZone: 'Europe/London',
      });
      outcome = `${starts.length} sessions`;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome = 'refused (400)';
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  rows.push({
    rule,
    outcome,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(times[times.length - 1] ?? Number.NaN),
  });
}

const m = machine();
for (const r of rows)
  console.log(
    `${r.rule.padEnd(54)} ${r.outcome.padEnd(15)} p50 ${r.p50} ms, p95 ${r.p95} ms, max ${r.max} ms`,
  );
console.log(`results: ${writeResult('recurrence', { machine: m, runs: RUNS, rows })}`);
const worst = rows.reduce((a, b) => (b.max > a.max ? b : a));
appendRow(
  'Recurrence expansion',
  `\`npm run bench:recurrence\`: one rule expanded ${RUNS} times in process (no database); the longest the event loop is held by one expansion, ordinary and never-matching rules.`,
  '| date | machine | weekly ×24 p50 | never-matching p95 (worst rule) | max of any |\n|---|---|---|---|---|',
  `| ${new Date().toISOString().slice(0, 10)} | ${describeMachine(m)} | ${rows[0]?.p50} ms | ${Math.max(...rows.slice(3).map((r) => r.p95))} ms | ${worst.max} ms (${worst.rule}) |`,
);
