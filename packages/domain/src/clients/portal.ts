import type { PortalHome, PortalHomework, PortalSession } from '@throughline/contracts';
import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { attachmentFileNamePurpose, homeworkPurpose } from '../carry-forward';
import { RECENT_DONE_DAYS } from '../carry-forward/list-portal-homework';
import { listPortalGoals } from '../goals/portal-plan';
import { findPracticeById } from '../identity/repository';
import { AppError } from '../shared/errors';
import { localIso } from '../shared/local-time';
import { inTransaction } from '../shared/transaction';
import { listPortalHomeworkRows, listUpcomingSessions } from './portal-repository';
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
    const sessions = await listUpcomingSessions(tx, actor, now, NEXT_SESSIONS);
    const work = await listPortalHomeworkRows(
      tx,
      actor,
      new Date(now.getTime() - RECENT_DONE_DAYS * 86_400_000),
    );
    const open = (sealed: string, purpose: string) =>
      keyring.decrypt(tx, actor.practiceId, sealed, purpose);
    await keyring.dataKey(tx, actor.practiceId); // cached: the decryption below needs no query
    const homework = await Promise.all(
      work.map(
        async (h): Promise<PortalHomework> => ({
          id: h.id,
          title: await open(h.title, homeworkPurpose(h.id, 'title')),
          instructions: await open(h.instructions, homeworkPurpose(h.id, 'instructions')),
          dueOn: h.due_on,
          status: h.status,
          link: h.link === null ? null : await open(h.link, homeworkPurpose(h.id, 'link')),
          attachment:
            h.attachment_id && h.attachment_file_name
              ? {
                  id: h.attachment_id,
                  fileName: await open(
                    h.attachment_file_name,
                    attachmentFileNamePurpose(h.attachment_id),
                  ),
                }
              : null,
          clientComment: h.client_comment
            ? await open(h.client_comment, homeworkPurpose(h.id, 'comment'))
            : null,
        }),
      ),
    );
    const goals = await listPortalGoals(tx, ctx, actor);
    return { row, practice, sessions, homework, goals };
  });
  if (!found?.practice)
    throw new AppError('NOT_FOUND', 'No client record is linked to your account.');
  const { row, practice, sessions, homework, goals } = found;
  return {
    displayName: row.displayName,
    practiceName: practice.name,
    therapist: { displayName: row.therapistName },
    nextSessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      localStart: localIso(s.starts_at, s.time_zone),
      timeZone: s.time_zone,
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
    goals,
  };
}
