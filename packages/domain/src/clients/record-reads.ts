import { asc, eq } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { episodes } from '../episodes/tables';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { findById, findByUser } from './repository';
import { clients } from './tables';
import { type ClientView, openClient } from './views';

/**
 * The client a record export is about, opened, or undefined when the actor may not see them
 * (the module's `visibleTo`). A client asking for their own record names no id.
 */
export async function findClientForRecord(
  db: Executor,
  keyring: Keyring,
  actor: SignedIn,
  clientId: string | 'self',
): Promise<ClientView | undefined> {
  const row =
    clientId === 'self' ? await findByUser(db, actor) : await findById(db, actor, clientId);
  return row ? openClient(db, keyring, row) : undefined;
}

/** A client of a practice and everyone who treats them: their therapist and their episodes'. */
export type PracticeClient = { id: string; therapistIds: string[] };

/**
 * Every client of a practice with the therapists who treat them, oldest first: the practice
 * export for leaving (issue 12) reads each client's record through each of those therapists'
 * scope, so the union is every episode. Ids only: no clinical content.
 */
export async function listPracticeClients(
  db: Executor,
  practiceId: string,
): Promise<PracticeClient[]> {
  const rows = await db
    .select({ id: clients.id, therapistId: clients.therapistId })
    .from(clients)
    .where(eq(clients.practiceId, practiceId))
    .orderBy(asc(clients.createdAt), asc(clients.id));
  const treating = await db
    .selectDistinct({ clientId: episodes.clientId, therapistId: episodes.therapistId })
    .from(episodes)
    .where(eq(episodes.practiceId, practiceId));
  const byClient = new Map(rows.map((r) => [r.id, new Set([r.therapistId])]));
  for (const t of treating) byClient.get(t.clientId)?.add(t.therapistId);
  return rows.map((r) => ({ id: r.id, therapistIds: [...(byClient.get(r.id) ?? [])] }));
}
