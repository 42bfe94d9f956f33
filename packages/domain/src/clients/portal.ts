import type { PortalHome, PortalHomework, PortalSession } from '@throughline/contracts';
import { type AccessContext, signedIn } from '../access';
import { listUpcomingSessions } from '../appointments';
import { recordAudit } from '../audit';
import { listPortalHomeRows, RECENT_DONE_DAYS } from '../carry-forward';
import { visibleEpisodesSql } from '../episodes';
import { findPracticeById } from '../identity';
import { AppError } from '../shared/errors';
import { localIso } from '../shared/local-time';
import { inTransaction } from '../shared/transaction';
import { findByUser } from './repository';

export type { PortalHome, PortalHomework, PortalSession };

const NEXT_SESSIONS = 5;

/** The client's own portal home: who they see, their next sessions and their homework. */
export async function readPortalHome(ctx: AccessContext): Promise<PortalHome> {
  const actor = signedIn(ctx);
  const { db, keyring } = ctx.services;
  const now = ctx.services.now();
  const found = await inTransaction(db, async (tx) => {
    const row = await findByUser(tx, actor);
    await recordAudit(tx, ctx, {
      action: 'portal.read',
      resourceType: 'client',
      resourceId: row?.id ?? null,
      outcome: row ? 'success' : 'denied',
    });
    if (!row) return undefined;
    // One connection per transaction: queries run one after another (node-postgres).
    const practice = await findPracticeById(tx, actor.practiceId);
    // The client's own episodes: the episodes module's visibility rule for this actor.
    const mine = visibleEpisodesSql(actor, 'all');
    const sessions = await listUpcomingSessions(tx, mine, now, NEXT_SESSIONS);
    await keyring.dataKey(tx, actor.practiceId); // cached: the decryption below needs no query
    const homework = await listPortalHomeRows(tx, keyring, {
      practiceId: actor.practiceId,
      episodesSql: mine,
      doneSince: new Date(now.getTime() - RECENT_DONE_DAYS * 86_400_000),
    });
    return { row, practice, sessions, homework };
  });
  if (!found?.practice)
    throw new AppError('NOT_FOUND', 'No client record is linked to your account.');
  const { row, practice, sessions, homework } = found;
  return {
    displayName: row.displayName,
    preferredName: row.preferredName,
    practiceName: practice.name,
    therapist: { displayName: row.therapistName },
    nextSessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      // The client's own zone: every session here is in one of their episodes.
      localStart: localIso(s.starts_at, row.timeZone),
      timeZone: row.timeZone,
      modality: s.modality,
    })),
    homework,
    preferences: {
      timeZone: row.timeZone,
      safeContact: {
        mayEmail: row.mayEmail,
        emailMayIncludeDetails: row.emailMayIncludeDetails,
        remindersEnabled: row.remindersEnabled,
      },
    },
  };
}
