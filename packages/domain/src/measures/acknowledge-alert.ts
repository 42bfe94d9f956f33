import { and, eq } from 'drizzle-orm';
import { type AccessContext, clientOfEpisode, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findAlertOfTherapist } from './repository';
import { alerts } from './tables';
import { type AlertView, acknowledgementPurpose, openAlert } from './views';

/**
 * The therapist of the episode acknowledges an alert, with an optional note (encrypted). An alert
 * is acknowledged once; a second attempt is a conflict, so two tabs cannot overwrite a note.
 */
export async function acknowledgeAlert(
  ctx: AccessContext,
  alertId: string,
  input: { note?: string | undefined },
): Promise<AlertView & { note: string | null }> {
  const actor = signedIn(ctx);
  let failure: AppError | undefined;
  const view = await inTransaction(ctx.services.db, async (tx) => {
    const alert = await findAlertOfTherapist(tx, actor, alertId);
    if (!alert || alert.acknowledgedAt) {
      await recordAudit(tx, ctx, {
        action: 'alert.acknowledge',
        resourceType: 'alert',
        resourceId: alertId,
        outcome: alert ? 'failure' : 'denied',
        ...(alert ? { detail: { reason: 'already-acknowledged' } } : {}),
      });
      failure = alert
        ? new AppError('ALERT_ACKNOWLEDGED', 'This alert has already been acknowledged.')
        : notFound('alert');
      return undefined;
    }
    const note = input.note?.trim() ? input.note.trim() : null;
    const [row] = await tx
      .update(alerts)
      .set({
        acknowledgedAt: ctx.services.now(),
        acknowledgedBy: actor.userId,
        acknowledgementNote: note
          ? await ctx.services.keyring.encrypt(
              tx,
              actor.practiceId,
              note,
              acknowledgementPurpose(alertId),
            )
          : null,
      })
      .where(and(eq(alerts.practiceId, actor.practiceId), eq(alerts.id, alertId)))
      .returning();
    if (!row) throw new Error('alert update returned nothing');
    await recordAudit(tx, ctx, {
      action: 'alert.acknowledge',
      resourceType: 'alert',
      resourceId: alertId,
      outcome: 'success',
      // A change to the client's record: their access report lists it.
      subjectClientId: (await clientOfEpisode(tx, actor.practiceId, row.episodeId)) ?? null,
      detail: { withNote: note !== null },
    });
    return { ...(await openAlert(tx, ctx.services.keyring, row)), note };
  });
  if (failure || !view) throw failure ?? notFound('alert');
  return view;
}
