import type { CaseloadItem } from '@throughline/contracts';
import { type AccessContext, type Action, relationMay, signedIn } from '../access';
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

/** The action whose records each attention item counts: a designee sees those POLICY lets them open. */
const READ_BY: Record<AttentionKind, Action> = {
  'urgent-alerts': 'alert.list',
  'unread-messages': 'message.list',
  'unsigned-notes': 'note.list',
  'homework-completed': 'homework.list',
  'no-next-session': 'appointment.list',
  'overdue-homework': 'homework.list',
  alerts: 'alert.list',
};

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
  return items.filter(
    (i) => i.count > 0 && (!row.covering || relationMay('designee', READ_BY[i.kind])),
  );
}

/**
 * The therapist's caseload: one row per episode that is not closed — theirs, and those they cover
 * for a colleague while the cover is in effect (marked, with only the attention items a designee
 * may open), sorted by next session
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
      detail: { count: found.length, covering: found.filter((r) => r.covering).length },
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
      row.cover_designee_name && row.cover_therapist_name && row.cover_ends_at
        ? {
            therapistName: row.cover_therapist_name,
            designeeName: row.cover_designee_name,
            endsAt: row.cover_ends_at,
            timeZone: row.practice_time_zone,
            viewer: row.covering ? ('designee' as const) : ('therapist' as const),
          }
        : null,
  }));
  return { items };
}
