import { asc, eq } from 'drizzle-orm';
import type { SignedIn } from '../access';
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

/** Every client of a practice with their therapist, oldest first (ids only: no clinical content). */
export async function listPracticeClients(
  db: Executor,
  practiceId: string,
): Promise<{ id: string; therapistId: string }[]> {
  return db
    .select({ id: clients.id, therapistId: clients.therapistId })
    .from(clients)
    .where(eq(clients.practiceId, practiceId))
    .orderBy(asc(clients.createdAt), asc(clients.id));
}
