import type * as Contract from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AccessContext, HIDDEN, perform, Refusal, treatsClients } from '../access';
import { findClientOfUser } from '../clients';
import { visibleEpisodesSql } from '../episodes';
import { findUserById, listUsersByPractice } from '../identity';
import { AppError } from '../shared/errors';
import {
  type CoveredEpisode,
  type CoverRow,
  cancelCover as cancel,
  findCover,
  insertCover,
  listCoverEpisodes,
  listCoverInEffect,
  listCovers,
} from './repository';

export type Cover = Contract.Cover;
export type PortalCover = Contract.PortalCover;
export type CoverInput = z.output<typeof Contract.coverRequest>;

const toCover = (r: CoverRow, episodes: CoveredEpisode[]): Cover => ({
  id: r.id,
  therapistId: r.therapistId,
  therapistName: r.therapistName,
  designeeId: r.designeeId,
  designeeName: r.designeeName,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  cancelledAt: r.cancelledAt,
  episodes,
});

const target = { resourceType: 'cover', what: 'cover arrangement' };

/** Cover the therapist arranged for their episodes, and cover they give colleagues; not over. */
export async function listCover(ctx: AccessContext): Promise<Contract.CoverList> {
  return perform(ctx, 'cover.list', target, async (tx, { actor }) => {
    const now = ctx.services.now();
    const arranged = await listCovers(tx, actor.practiceId, { therapistId: actor.userId }, now);
    const giving = await listCovers(tx, actor.practiceId, { designeeId: actor.userId }, now);
    const ids = await listCoverEpisodes(
      tx,
      actor.practiceId,
      [...arranged, ...giving].map((r) => r.id),
    );
    const of = (r: CoverRow) => toCover(r, ids.get(r.id) ?? []);
    const colleagues = (await listUsersByPractice(tx, actor.practiceId))
      .filter((u) => treatsClients(u) && !u.disabledAt && u.passwordHash && u.id !== actor.userId)
      .map((u) => ({ id: u.id, displayName: u.displayName }));
    return { arranged: arranged.map(of), giving: giving.map(of), colleagues };
  });
}

/**
 * The therapist names a designee (another active therapist of the practice) for some of their
 * own episodes between two times (APA 3.12, 10.09: planning for interruptions). The designee's
 * access is decided by the kernel from these dates on every request, so it ends by itself.
 */
export async function arrangeCover(ctx: AccessContext, input: CoverInput): Promise<Cover> {
  return perform(ctx, 'cover.create', target, async (tx, step) => {
    const { actor } = step;
    const designee = await findUserById(tx, actor.practiceId, input.designeeId);
    if (
      !designee ||
      designee.disabledAt ||
      !treatsClients(designee) ||
      designee.id === actor.userId
    )
      throw new AppError('VALIDATION_FAILED', 'Choose another active therapist of the practice.', [
        { path: 'designeeId', message: 'Not another active therapist of this practice.' },
      ]);
    const episodeIds = [...new Set(input.episodeIds)];
    const own = await tx.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM (${visibleEpisodesSql(actor, 'all')}) ep
      WHERE ep.therapist_id = ${actor.userId}
        AND ep.id IN (${sql.join(
          episodeIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`);
    if ((own.rows[0]?.n ?? 0) !== episodeIds.length)
      throw new AppError('VALIDATION_FAILED', 'Cover can name only your own episodes.', [
        { path: 'episodeIds', message: 'One or more of these is not an episode of yours.' },
      ]);
    const now = ctx.services.now();
    if (input.endsAt.getTime() <= now.getTime())
      throw new AppError('VALIDATION_FAILED', 'The cover must end in the future.', [
        { path: 'endsAt', message: 'Choose an end in the future.' },
      ]);
    const id = await insertCover(
      tx,
      {
        practiceId: actor.practiceId,
        therapistId: actor.userId,
        designeeId: input.designeeId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        createdAt: now,
      },
      episodeIds,
    );
    const row = await findCover(tx, actor.practiceId, id, actor.userId);
    if (!row) throw new Error('cover not found after insert');
    step.audit({
      resourceId: id,
      detail: { designeeId: input.designeeId, episodes: episodeIds.length },
    });
    const named = await listCoverEpisodes(tx, actor.practiceId, [id]);
    return toCover(row, named.get(id) ?? []);
  });
}

/** The therapist cancels cover they arranged (before or during it); access ends at once. */
export async function cancelCover(ctx: AccessContext, id: string): Promise<Cover> {
  return perform(ctx, 'cover.cancel', { ...target, resourceId: id }, async (tx, step) => {
    const { actor } = step;
    const row = await findCover(tx, actor.practiceId, id, actor.userId);
    if (!row) return HIDDEN;
    const now = ctx.services.now();
    if (row.cancelledAt || row.endsAt.getTime() <= now.getTime())
      return new Refusal(new AppError('COVER_ENDED', 'This cover has already ended.'));
    await cancel(tx, actor.practiceId, id, now);
    const ids = await listCoverEpisodes(tx, actor.practiceId, [id]);
    return toCover({ ...row, cancelledAt: now }, ids.get(id) ?? []);
  });
}

/** The client's portal: who is covering for their therapist now, and until when. */
export async function readPortalCover(ctx: AccessContext): Promise<PortalCover[]> {
  return perform(ctx, 'portal.cover.read', target, async (tx, { actor }) => {
    const client = await findClientOfUser(tx, actor);
    if (!client) return [];
    const rows = await listCoverInEffect(tx, visibleEpisodesSql(actor, 'all'), ctx.services.now());
    return rows.map((r) => ({
      designeeName: r.designeeName,
      therapistName: r.therapistName,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      timeZone: client.timeZone,
    }));
  });
}
