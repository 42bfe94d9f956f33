import type { JobDefinition } from '../shared/jobs';
import { measureInvitationJob } from './invitations';

/** The background jobs this module owns; the server works every module's list. */
export const measureJobs: readonly JobDefinition[] = [measureInvitationJob];
