import type { Services } from '../access';
import type { PeriodicJob } from '../shared/jobs';
import { purgeExpiredSessions } from './sessions';

/** Deletes ended sessions (idle or past their absolute limit) every ten minutes. */
export const sessionPurgeJob: PeriodicJob<{ services: Services }> = {
  name: 'session purge',
  everyMs: 10 * 60 * 1000,
  run: ({ services }) => purgeExpiredSessions(services.db, services.now()),
};

/** The periodic jobs this module owns; the server runs every module's list. */
export const identityPeriodicJobs = [sessionPurgeJob] as const;
