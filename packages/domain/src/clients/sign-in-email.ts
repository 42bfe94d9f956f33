import { and, eq } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { clients } from './tables';

/**
 * A client who joined with a sign-up code chose this e-mail: the client record keeps the same
 * address as the portal account (delivery reads it from here).
 */
export async function setClientEmailOfUser(
  tx: Executor,
  practiceId: string,
  userId: string,
  email: string,
): Promise<void> {
  await tx
    .update(clients)
    .set({ email })
    .where(and(eq(clients.practiceId, practiceId), eq(clients.userId, userId)));
}
