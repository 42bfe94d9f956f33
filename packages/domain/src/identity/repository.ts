import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { apiTokens, practices, sessions, users } from './tables';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

/** The account a person signs in to: by e-mail, or by the user name a client chose. */
export async function findUserBySignInName(
  db: Executor,
  name: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${name}) OR lower(${users.username}) = lower(${name})`)
    .limit(1);
  return row;
}

export async function findUserById(
  db: Executor,
  practiceId: string,
  userId: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.practiceId, practiceId), eq(users.id, userId)));
  return row;
}

export async function listUsersByPractice(db: Executor, practiceId: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(eq(users.practiceId, practiceId))
    .orderBy(asc(users.role), asc(users.displayName));
}

export async function findPracticeById(db: Executor, practiceId: string) {
  const [row] = await db.select().from(practices).where(eq(practices.id, practiceId));
  return row;
}

export async function findSessionWithUser(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, and(eq(users.practiceId, sessions.practiceId), eq(users.id, sessions.userId)))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function findApiTokenWithUser(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(
      users,
      and(eq(users.practiceId, apiTokens.practiceId), eq(users.id, apiTokens.userId)),
    )
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}
