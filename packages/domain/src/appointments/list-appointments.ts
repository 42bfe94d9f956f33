import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { findVisibleEpisode } from '../episodes';
import { inTransaction } from '../shared/transaction';
import { audited } from './audited';
import { findById, listByEpisode, listVisible } from './repository';
import { type AppointmentView, openAppointments } from './views';

/** An episode's sessions (therapist or client of the episode), oldest first. */
export async function listEpisodeAppointments(
  ctx: AccessContext,
  input: { episodeId: string; from?: Date | undefined; to?: Date | undefined },
): Promise<AppointmentView[]> {
  const actor = signedIn(ctx);
  return audited<AppointmentView[]>(
    ctx,
    {
      action: 'appointment.list',
      resourceType: 'episode',
      resourceId: input.episodeId,
      what: 'episode',
    },
    async (tx) => {
      if (!(await findVisibleEpisode(tx, actor, input.episodeId))) return { denied: true };
      const rows = await listByEpisode(tx, actor, input.episodeId, input);
      return {
        value: await openAppointments(tx, ctx.services.keyring, actor, rows),
        detail: { count: rows.length },
      };
    },
  );
}

/** One session, shown in the caller's zone. */
export async function getAppointment(ctx: AccessContext, id: string): Promise<AppointmentView> {
  const actor = signedIn(ctx);
  return audited<AppointmentView>(
    ctx,
    {
      action: 'appointment.read',
      resourceType: 'appointment',
      resourceId: id,
      what: 'appointment',
    },
    async (tx) => {
      const row = await findById(tx, actor, id);
      if (!row) return { denied: true };
      const [view] = await openAppointments(tx, ctx.services.keyring, actor, [row]);
      return view ? { value: view } : { denied: true };
    },
  );
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
