import { type SQL, sql } from 'drizzle-orm';
import { messages } from './tables';

/**
 * Unread client messages per episode, for the caseload (a CTE over the caller's episodes `ep`):
 * the messages module's table and rule ("sent by the client, not yet read") stay here.
 */
export function unreadMessageCountsSql(ep: SQL): SQL {
  return sql`SELECT m.episode_id, count(*)::int AS n
    FROM ${messages} m JOIN ${ep} ep ON m.practice_id = ep.practice_id AND m.episode_id = ep.id
    WHERE m.sender_party = 'client' AND m.read_at IS NULL
    GROUP BY m.episode_id`;
}
