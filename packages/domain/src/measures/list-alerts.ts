import { type AccessContext, performOnEpisode, signedIn } from '../access';
import { recordAudit } from '../audit';
import { inTransaction } from '../shared/transaction';
import { listAlertsByEpisode, listOpenAlertsOfTherapist } from './repository';
import { type AlertView, openAlert, openAlerts } from './views';

/** An episode's alerts (open, or all), urgent first then newest. Therapist of the episode only. */
export async function listEpisodeAlerts(
  ctx: AccessContext,
  episodeId: string,
  status: 'open' | 'all' = 'open',
): Promise<AlertView[]> {
  const rows = await performOnEpisode(ctx, 'alert.list', episodeId, async (tx, step) => {
    const { actor } = step;
    const found = await listAlertsByEpisode(tx, actor.practiceId, episodeId, status);
    step.audit({ detail: { count: found.length } });
    return found;
  });
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
