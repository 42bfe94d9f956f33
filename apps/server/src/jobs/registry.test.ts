import {
  CHECK_IN_QUEUE,
  checkInJob,
  defineJob,
  MEASURE_INVITATION_QUEUE,
  measureInvitationJob,
  REMINDER_QUEUE,
  reminderJob,
} from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { queueOptions } from './queue';
import { collectJobs, JOB_REGISTRY } from './registry';

describe('job registry', () => {
  it("holds every module's declared jobs once", () => {
    expect(JOB_REGISTRY.map((j) => j.queue).sort()).toEqual(
      [CHECK_IN_QUEUE, MEASURE_INVITATION_QUEUE, REMINDER_QUEUE].sort(),
    );
    expect(JOB_REGISTRY).toContain(reminderJob);
    expect(JOB_REGISTRY).toContain(measureInvitationJob);
    expect(JOB_REGISTRY).toContain(checkInJob);
  });

  it('refuses one queue declared by two modules', () => {
    const copy = defineJob({ ...reminderJob });
    expect(() => collectJobs([[reminderJob], [copy]])).toThrow(
      `job queue "${REMINDER_QUEUE}" is declared twice`,
    );
  });

  it('maps a policy to pg-boss queue options, leaving out what is not declared', () => {
    expect(queueOptions(reminderJob)).toEqual({
      name: REMINDER_QUEUE,
      policy: 'short',
      retryLimit: 5,
      retryBackoff: true,
    });
    const timed = defineJob({
      queue: 'timed',
      policy: { policy: 'standard', retryLimit: 2, retryDelaySeconds: 30, expireInSeconds: 60 },
      handler: async () => undefined,
    });
    expect(queueOptions(timed)).toEqual({
      name: 'timed',
      policy: 'standard',
      retryLimit: 2,
      retryDelay: 30,
      expireInSeconds: 60,
    });
  });
});
