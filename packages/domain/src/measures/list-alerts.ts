import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { findVisibleEpisode } from '../episodes';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { listAlertsByEpisode, listOpenAlertsOfTherapist } from './repository';
import { type AlertView, openAlert, openAlerts } from './views';

/** An episode's alerts (open, or all), urgent first then newest. Therapist of the episode only. */
export async function listEpisodeAlerts(
  ctx: AccessContext,
  episodeId: string,
  status: 'open' | 'all' = 'open',
): Promise<AlertView[]> {
  const actor = signedIn(ctx);
  const rows = await inTransaction(ctx.services.db, async (tx) => {
    const access =
      actor.role === 'therapist' ? await findVisibleEpisode(tx, actor, episodeId) : undefined;
    const found = access
      ? await listAlertsByEpisode(tx, actor.practiceId, episodeId, status)
      : undefined;
    await recordAudit(tx, ctx, {
      action: 'alert.list',
      resourceType: 'episode',
      resourceId: episodeId,
      outcome: found ? 'success' : 'denied',
      ...(found ? { detail: { count: found.length } } : {}),
    });
    return found;
  });
  if (!rows) throw notFound('episode');
  return openAlerts(ctx.services.db, ctx.services.keyring, rows);
}

export type CaseloadAlertView = AlertView & { clientId: string; displayName: string };

/** The therapist's open alerts across their caseload, urgent first. */
export async function listCaseloadAlerts(ctx: AccessContext): Promise<CaseloadAlertView[]> {
  const actor = signedIn(ctx);
  const rows = await inTransaction(ctx.services.db, async (tx) => {
    const found = await listOpenAlertsOfTherapist(tx, actor);
    await recordAudit(tx, ctx, {
      action: 'alert.list',
      resourceType: 'alert',
      outcome: 'success',
      detail: { count: found.length },
    });
    return found;
  });
  const { db, keyring } = ctx.services;
  return Promise.all(
    rows.map(async (r) => ({
      ...(await openAlert(db, keyring, r.alert)),
      clientId: r.clientId,
      displayName: r.displayName,
    })),
  );
}
