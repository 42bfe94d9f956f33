import type { Database } from '@throughline/db';
import {
  aftercareJobs,
  appointmentJobs,
  type DispatchOptions,
  identityPeriodicJobs,
  type JobDefinition,
  measureJobs,
  notificationPeriodicJobs,
  type PeriodicJob,
  type Services,
} from '@throughline/domain';

/**
 * Every module's background jobs, in one list. A module adds a job by adding it to the list its
 * `index.ts` exports; a new module with jobs adds its list here.
 */
export const JOB_MODULES: readonly (readonly JobDefinition[])[] = [
  appointmentJobs,
  measureJobs,
  aftercareJobs,
];

/** Flattens the modules' lists, refusing two declarations of one queue (one would never run). */
export function collectJobs(modules: readonly (readonly JobDefinition[])[]): JobDefinition[] {
  const seen = new Set<string>();
  const jobs = modules.flat();
  for (const job of jobs) {
    if (seen.has(job.queue)) throw new Error(`job queue "${job.queue}" is declared twice`);
    seen.add(job.queue);
  }
  return jobs;
}

export const JOB_REGISTRY: readonly JobDefinition[] = collectJobs(JOB_MODULES);

/** What a server process gives its periodic jobs. */
export type PeriodicContext = {
  services: Services;
  /** The sealer's own connection (seal columns and chain head only). */
  sealerDb: Database;
  mail: DispatchOptions;
};

/**
 * Every module's periodic jobs. The audit sealer is not here: it also writes signed checkpoint
 * files, which only the server process can, so `background.ts` declares it next to them.
 */
export const PERIODIC_JOBS: readonly PeriodicJob<PeriodicContext>[] = [
  ...notificationPeriodicJobs,
  ...identityPeriodicJobs,
];
