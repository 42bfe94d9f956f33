import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import type { SafeContact } from './details';
import { clients } from './tables';

/**
 * Where and how a client may be e-mailed: their address (null for a client who joined with a
 * sign-up code and no e-mail: nothing is sent), zone, safe-contact preferences, their portal
 * account and the name they go by (preferred name, else display name).
 */
export type ClientMailContact = SafeContact & {
  email: string | null;
  timeZone: string;
  preferredName: string | null;
  userId: string;
  name: string;
};

/**
 * The client's mail contact, by client record or by portal account; undefined when there is no
 * such client. Senders pass the preferences to `clientMailPolicy` (notifications).
 */
export async function findClientMailContact(
  db: Executor,
  practiceId: string,
  by: { clientId: string } | { userId: string },
): Promise<ClientMailContact | undefined> {
  const [row] = await db
    .select({
      email: clients.email,
      preferredName: clients.preferredName,
      timeZone: clients.timeZone,
      userId: clients.userId,
      name: sql<string>`coalesce(${clients.preferredName}, ${clients.displayName})`,
      mayEmail: clients.mayEmail,
      emailMayIncludeDetails: clients.emailMayIncludeDetails,
      remindersEnabled: clients.remindersEnabled,
    })
    .from(clients)
    .where(
      and(
        eq(clients.practiceId, practiceId),
        'clientId' in by ? eq(clients.id, by.clientId) : eq(clients.userId, by.userId),
      ),
    );
  return row;
}
