import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { practices, users } from './tables';

/**
 * The practices and users tables are named only in this module (module ownership): the contact
 * settings module reads and writes its JSON column, and messages name their senders, through these.
 */
export async function readPracticeContactSettings(
  db: Executor,
  practiceId: string,
): Promise<{ settings: Record<string, unknown> | null; timeZone: string }> {
  const [row] = await db
    .select({ settings: practices.contactSettings, timeZone: practices.timeZone })
    .from(practices)
    .where(eq(practices.id, practiceId));
  return { settings: row?.settings ?? null, timeZone: row?.timeZone ?? 'UTC' };
}

export async function writePracticeContactSettings(
  tx: Executor,
  practiceId: string,
  settings: Record<string, unknown>,
): Promise<void> {
  await tx.update(practices).set({ contactSettings: settings }).where(eq(practices.id, practiceId));
}

/** Display names and e-mail addresses of users of the practice, by id (no address: null). */
export async function findUserContacts(
  db: Executor,
  practiceId: string,
  ids: readonly string[],
): Promise<Map<string, { displayName: string; email: string | null; active: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(and(eq(users.practiceId, practiceId), inArray(users.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { displayName: r.displayName, email: r.email, active: r.disabledAt === null },
    ]),
  );
}
