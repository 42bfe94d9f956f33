// One autocannon run against one target, and what the suite reports of it.
import autocannon from 'autocannon';
import { latencySummary } from './report';

export type Request = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type Measured = {
  target: string;
  endpoint: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
};

export async function measure(
  base: string,
  target: string,
  endpoint: string,
  next: () => Request,
  load: { connections: number; seconds: number },
): Promise<Measured> {
  const latencies: number[] = [];
  const run = autocannon({
    url: base,
    connections: load.connections,
    duration: load.seconds,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await run;
  return {
    target,
    endpoint,
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    latencyMs: latencySummary(latencies),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export type Ratio = { requestsPerSecond: number; p50: number; p95: number; p99: number };

/** Each figure of `m` divided by the baseline's (throughput: higher is better; latency: lower). */
export function ratioTo(m: Measured, baseline: Measured): Ratio {
  const r = (a: number, b: number): number => Math.round((a / b) * 1000) / 1000;
  return {
    requestsPerSecond: r(m.requestsPerSecond, baseline.requestsPerSecond),
    p50: r(m.latencyMs.p50, baseline.latencyMs.p50),
    p95: r(m.latencyMs.p95, baseline.latencyMs.p95),
    p99: r(m.latencyMs.p99, baseline.latencyMs.p99),
  };
}
