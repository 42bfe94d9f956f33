import type * as Contract from '@throughline/contracts';
import { type AccessContext, performOnEpisode, Refusal, readsPart, signedIn } from '../access';
import { clientFieldPurpose } from '../clients';
import { openEpisodeTitle } from '../episodes';
import { notFound } from '../shared/errors';
import { localIso } from '../shared/local-time';
import { findCoverInEffect } from '../supervision';
import { findScope } from './repository';
import { loadSections } from './sections';

const DAY = 86_400_000;

export type Brief = Contract.Brief;

/**
 * The pre-session brief for one of the therapist's episodes: for the given session (which must
 * belong to the episode) or the next scheduled one.
 *
 * Database round trips per request, whatever the length of the history: BEGIN, the kernel's
 * relation check (issue 10: a supervisor or a designee may read it too), the scope query
 * (episode + client + practice zone + session + last attended + attended count), the audit insert,
 * one query per section that needs one (notes, threads, homework, and each section provider that
 * reads: goals, to-discuss, measures, alerts), the cover in effect, COMMIT — a constant count, the same for 5 sessions
 * or 500 (no N+1; decryption happens in memory). The data
 * key is read once per process and then cached by the keyring.
 */
export async function readBrief(
  ctx: AccessContext,
  input: { episodeId: string; appointmentId?: string | undefined },
): Promise<Brief> {
  const actor = signedIn(ctx);
  const now = ctx.services.now();
  const found = await performOnEpisode(ctx, 'brief.read', input.episodeId, async (tx, step) => {
    const scope = await findScope(tx, actor.practiceId, input.episodeId, input.appointmentId, now);
    if (!scope) throw new Error('readBrief: an admitted episode has no scope row');
    if (scope.requested_found !== true) {
      return new Refusal(notFound('appointment in this episode'), {
        reason: 'appointment-not-in-episode',
      });
    }
    const appointment =
      scope.appointment_id && scope.appointment_starts_at
        ? { id: scope.appointment_id, startsAt: scope.appointment_starts_at }
        : null;
    // Cached after the first brief of the process; decryption below then needs no query.
    await ctx.services.keyring.dataKey(tx, actor.practiceId);
    const sections = await loadSections(ctx, {
      db: tx,
      // A supervisor sees the sections of the parts the client's consent shares.
      reads: (part) => readsPart(step, part),
      practiceId: actor.practiceId,
      episodeId: scope.id,
      relation: step.as,
      previousEpisodeId: scope.previous_episode_id,
      phase: scope.phase,
      openedAt: scope.opened_at,
      appointment,
      lastAttended:
        scope.last_attended_id && scope.last_attended_at
          ? { id: scope.last_attended_id, startsAt: scope.last_attended_at }
          : null,
      attendedBefore: scope.attended_before,
      lastScheduledAt: scope.last_scheduled_at,
      reference: appointment?.startsAt ?? now,
    });
    const cover = await findCoverInEffect(tx, { practiceId: actor.practiceId, id: scope.id }, now);
    return { scope, sections, cover };
  });
  const { scope, sections, cover } = found;

  const reference = scope.appointment_starts_at ?? now;
  const { lastSession, openThreads, homework, ...rest } = sections;
  return {
    episode: {
      id: scope.id,
      phase: scope.phase,
      title: await openEpisodeTitle(ctx.services.db, ctx.services.keyring, {
        practiceId: actor.practiceId,
        id: scope.id,
        title: scope.title,
      }),
      openedAt: scope.opened_at,
      previousEpisodeId: scope.previous_episode_id,
    },
    client: {
      id: scope.client_id,
      displayName: scope.display_name,
      preferredName: scope.preferred_name,
      pronouns: await ctx.services.keyring.decryptOptional(
        ctx.services.db,
        actor.practiceId,
        scope.pronouns,
        clientFieldPurpose(scope.client_id, 'pronouns'),
      ),
      timeZone: scope.client_time_zone,
    },
    appointment:
      scope.appointment_id && scope.appointment_starts_at && scope.appointment_ends_at
        ? {
            id: scope.appointment_id,
            startsAt: scope.appointment_starts_at,
            endsAt: scope.appointment_ends_at,
            localStart: localIso(scope.appointment_starts_at, scope.practice_time_zone),
            timeZone: scope.practice_time_zone,
          }
        : null,
    daysSinceLastSession: scope.last_attended_at
      ? Math.floor((reference.getTime() - scope.last_attended_at.getTime()) / DAY)
      : null,
    lastSession: lastSession ?? null,
    openThreads: openThreads ?? [],
    homework: homework ?? [],
    cover: cover && {
      therapistName: cover.therapistName,
      designeeName: cover.designeeName,
      endsAt: cover.endsAt,
      timeZone: scope.practice_time_zone,
      viewer:
        cover.therapistId === actor.userId
          ? 'therapist'
          : cover.designeeId === actor.userId
            ? 'designee'
            : 'other',
    },
    sections: rest,
  };
}
