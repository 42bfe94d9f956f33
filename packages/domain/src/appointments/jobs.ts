import type { JobDefinition } from '../shared/jobs';
import { reminderJob } from './reminders';

/** The background jobs this module owns; the server works every module's list. */
export const appointmentJobs: readonly JobDefinition[] = [reminderJob];
