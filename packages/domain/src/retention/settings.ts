import {
  DEFAULT_RETENTION,
  type RetentionSettings,
  type updateRetentionSettingsBody,
} from '@throughline/contracts';
import type { z } from 'zod';
import { type AccessContext, perform } from '../access';
import type { Executor } from '../shared/transaction';
import { findSettings, upsertSettings } from './repository';

const target = { resourceType: 'retention-settings', what: 'retention settings' };

/** The practice's retention numbers, or the defaults (7 years; 3 years after majority at 18). */
export async function retentionRuleOf(
  db: Executor,
  practiceId: string,
): Promise<RetentionSettings> {
  const row = await findSettings(db, practiceId);
  return row
    ? {
        yearsAfterLastService: row.yearsAfterLastService,
        yearsAfterMajority: row.yearsAfterMajority,
        ageOfMajority: row.ageOfMajority,
      }
    : DEFAULT_RETENTION;
}

export async function getRetentionSettings(ctx: AccessContext): Promise<RetentionSettings> {
  return perform(ctx, 'retention-settings.read', target, (tx, { actor }) =>
    retentionRuleOf(tx, actor.practiceId),
  );
}

/**
 * The administrator changes the numbers (a jurisdiction may require longer). Dates are computed
 * when read, so a change applies to every closed record at once.
 */
export async function updateRetentionSettings(
  ctx: AccessContext,
  changes: z.output<typeof updateRetentionSettingsBody>,
): Promise<RetentionSettings> {
  return perform(ctx, 'retention-settings.update', target, async (tx, step) => {
    const next = { ...(await retentionRuleOf(tx, step.actor.practiceId)), ...changes };
    await upsertSettings(tx, {
      practiceId: step.actor.practiceId,
      ...next,
      updatedBy: step.actor.userId,
      updatedAt: ctx.services.now(),
    });
    step.audit({ detail: { ...next } });
    return next;
  });
}
