import type { TimelineItem } from '@throughline/contracts';
import { type AccessContext, HIDDEN, perform } from '../access';
import { decodeKeyset, encodeKeyset } from '../shared/cursor';
import {
  canSeeClient,
  type EventRow,
  listEvents,
  TIMELINE_TYPES,
  type TimelineCursor,
  type TimelineType,
} from './repository';

export type { TimelineItem };

export type TimelinePage = { items: TimelineItem[]; nextCursor: string | null };

const TEMPLATE_NAMES: Record<string, string> = {
  soap: 'SOAP',
  dap: 'DAP',
  birp: 'BIRP',
  'music-therapy': 'Music therapy',
};

const encodeCursor = (row: EventRow): string =>
  encodeKeyset({ at: row.at, id: row.id, seq: row.seq });

function appointmentTitle(status: string, detail: string | null): string {
  switch (status) {
    case 'attended':
      return 'Session attended';
    case 'no-show':
      return 'Missed session (no-show)';
    case 'cancelled': {
      const [by, late] = (detail ?? '').split(':');
      return `Session cancelled${by ? ` by ${by}` : ''}${late ? ' (late)' : ''}`;
    }
    default:
      return 'Session not yet recorded';
  }
}

/** The title of an event: what kind of thing happened, never clinical content. */
async function titleOf(
  row: EventRow,
  open: (sealed: string, purpose: string) => Promise<string>,
): Promise<string> {
  // The purpose is the owning module's (it came with the row); the timeline never types one.
  const sealed = async (): Promise<string> =>
    row.sealed && row.sealedPurpose ? open(row.sealed, row.sealedPurpose) : '';
  switch (row.type) {
    case 'episode': {
      const title = await sealed();
      return `${row.kind === 'returned' ? 'Returned: new episode' : 'Episode opened'}: ${title}`;
    }
    case 'phase-change': {
      const [from, to] = (row.detail ?? '>').split('>');
      return from ? `Phase: ${from} → ${to}` : `Phase: ${to}`;
    }
    case 'appointment':
      return appointmentTitle(row.kind, row.detail);
    case 'note': {
      const name = TEMPLATE_NAMES[row.detail ?? ''] ?? 'Session';
      return row.kind === 'signed' ? `${name} note signed` : `${name} note started (draft)`;
    }
    case 'homework': {
      // Homework titles are client-facing, so the therapist may see them on the timeline.
      const title = await sealed();
      return row.kind === 'done' ? `Homework done: ${title}` : `Homework set: ${title}`;
    }
  }
}

/**
 * The relationship timeline of one client: every episode the caller may see (a therapist: their
 * own episodes with this client), newest first, filtered by type, keyset-paginated.
 */
export async function readTimeline(
  ctx: AccessContext,
  input: {
    clientId: string;
    types?: readonly TimelineType[] | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<TimelinePage> {
  const position = decodeKeyset(input.cursor, { seq: true });
  const after: TimelineCursor | undefined = position && {
    at: position.at,
    id: position.id,
    seq: position.seq ?? 0,
  };
  const types = input.types && input.types.length > 0 ? input.types : TIMELINE_TYPES;
  const { keyring } = ctx.services;
  const target = { resourceType: 'client', resourceId: input.clientId, what: 'client' };
  return perform(ctx, 'client.timeline', target, async (tx, step) => {
    const { actor } = step;
    if (!(await canSeeClient(tx, actor, input.clientId))) return HIDDEN;
    step.about({ clientId: input.clientId });
    const rows = await listEvents(tx, actor, input.clientId, types, {
      limit: input.limit + 1,
      after,
      now: ctx.services.now(),
    });
    step.audit({ detail: { count: Math.min(rows.length, input.limit) } });
    const page = rows.slice(0, input.limit);
    const open = (sealed: string, purpose: string) =>
      keyring.decrypt(tx, actor.practiceId, sealed, purpose);
    await keyring.dataKey(tx, actor.practiceId); // cached: the decryption below needs no query
    const items = await Promise.all(
      page.map(async (row) => ({
        type: row.type,
        at: row.at,
        episodeId: row.episode_id,
        id: row.id,
        title: await titleOf(row, open),
        timeZone: row.time_zone,
      })),
    );
    const last = page.at(-1);
    return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
  });
}
