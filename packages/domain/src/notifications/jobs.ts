import type { Services } from '../access';
import type { PeriodicJob } from '../shared/jobs';
import { type DispatchOptions, dispatchOutbox } from './dispatcher';

/** Sends waiting e-mail every second; rows are claimed with SKIP LOCKED, so processes share. */
export const outboxDispatchJob: PeriodicJob<{ services: Services; mail: DispatchOptions }> = {
  name: 'outbox dispatcher',
  everyMs: 1000,
  run: ({ services, mail }) => dispatchOutbox(services, mail),
};

/** The periodic jobs this module owns; the server runs every module's list. */
export const notificationPeriodicJobs = [outboxDispatchJob] as const;
