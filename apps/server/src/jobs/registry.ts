import { appointmentJobs, type JobDefinition, measureJobs } from '@throughline/domain';

/**
 * Every module's background jobs, in one list. A module adds a job by adding it to the list its
 * `index.ts` exports; a new module with jobs adds its list here.
 */
export const JOB_MODULES: readonly (readonly JobDefinition[])[] = [appointmentJobs, measureJobs];

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
