import { type AccessContext, HIDDEN, perform, performOnEpisode, signedIn } from '../access';
import { recordAudit } from '../audit';
import { inTransaction } from '../shared/transaction';
import { findById, listByEpisode, listVisible } from './repository';
import { type AppointmentView, openAppointments } from './views';

/** An episode's sessions (therapist or client of the episode), oldest first. */
export async function listEpisodeAppointments(
  ctx: AccessContext,
  input: { episodeId: string; from?: Date | undefined; to?: Date | undefined },
): Promise<AppointmentView[]> {
  return performOnEpisode(ctx, 'appointment.list', input.episodeId, async (tx, step) => {
    const rows = await listByEpisode(tx, step.actor, input.episodeId, input);
    step.audit({ detail: { count: rows.length } });
    return openAppointments(tx, ctx.services.keyring, step.actor, rows);
  });
}

/** One session, shown in the caller's zone. */
export async function getAppointment(ctx: AccessContext, id: string): Promise<AppointmentView> {
  const target = { resourceType: 'appointment', resourceId: id, what: 'appointment' };
  return perform(ctx, 'appointment.read', target, async (tx, { actor, about }) => {
    const row = await findById(tx, actor, id);
    if (row) about({ episodeId: row.episodeId });
    const [view] = row ? await openAppointments(tx, ctx.services.keyring, actor, [row]) : [];
    return view ?? HIDDEN;
  });
}

/** The client's upcoming scheduled sessions across their episodes, in their own zone. */
export async function listPortalAppointments(
  ctx: AccessContext,
  input: { limit: number },
): Promise<AppointmentView[]> {
  const actor = signedIn(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    const rows = await listVisible(
      tx,
      actor,
      { from: ctx.services.now(), status: 'scheduled' },
      input.limit,
    );
    await recordAudit(tx, ctx, {
      action: 'appointment.list',
      resourceType: 'appointment',
      outcome: 'success',
      detail: { count: rows.length, portal: true },
    });
    return openAppointments(tx, ctx.services.keyring, actor, rows);
  });
}
