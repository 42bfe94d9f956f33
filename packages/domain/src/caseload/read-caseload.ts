import type { CaseloadItem } from '@throughline/contracts';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { inTransaction } from '../shared/transaction';
import { type CaseloadRow, listCaseload } from './repository';

export type AttentionKind =
  | 'unsigned-notes'
  | 'homework-completed'
  | 'no-next-session'
  | 'overdue-homework'
  | 'urgent-alerts'
  | 'unread-messages'
  | 'alerts';

export type CaseloadEntry = CaseloadItem;

const DAY = 86_400_000;

function attentionOf(row: CaseloadRow): CaseloadEntry['attention'] {
  const items: CaseloadEntry['attention'] = [
    // A risk item comes first: the therapist must see it at once (CLINICAL.md §4).
    { kind: 'urgent-alerts', count: row.urgent_alerts },
    { kind: 'unread-messages', count: row.unread_messages },
    { kind: 'unsigned-notes', count: row.unsigned_notes },
    { kind: 'homework-completed', count: row.homework_completed },
    { kind: 'no-next-session', count: row.phase === 'active' && !row.next_session ? 1 : 0 },
    { kind: 'overdue-homework', count: row.overdue_homework },
    { kind: 'alerts', count: row.other_alerts },
  ];
  return items.filter((i) => i.count > 0);
}

/**
 * The therapist's caseload: one row per episode that is not closed, sorted by next session
 * (none last), then name. Attention items: notes left unsigned for more than a day, homework the
 * client completed since the last session, an active episode with nothing scheduled, and homework
 * past its due date.
 */
export async function readCaseload(ctx: AccessContext): Promise<{ items: CaseloadEntry[] }> {
  const actor = signedIn(ctx);
  const now = ctx.services.now();
  const rows = await inTransaction(ctx.services.db, async (tx) => {
    // The episodes the caller treats (the query is scoped by therapist): nobody else has any.
    const found = await listCaseload(tx, actor, now);
    await recordAudit(tx, ctx, {
      action: 'caseload.read',
      resourceType: 'episode',
      outcome: 'success',
      detail: { count: found.length },
    });
    return found;
  });
  const items = rows.map((row) => ({
    clientId: row.client_id,
    displayName: row.display_name,
    preferredName: row.preferred_name,
    episodeId: row.episode_id,
    phase: row.phase,
    nextSession: row.next_session,
    nextSessionTimeZone: row.next_session_zone,
    lastContactAt: row.last_contact_at,
    daysSinceLastContact: row.last_contact_at
      ? Math.floor((now.getTime() - row.last_contact_at.getTime()) / DAY)
      : null,
    attention: attentionOf(row),
    cover:
      row.cover_designee_name && row.cover_ends_at
        ? {
            designeeName: row.cover_designee_name,
            endsAt: row.cover_ends_at,
            timeZone: row.practice_time_zone,
          }
        : null,
  }));
  return { items };
}
