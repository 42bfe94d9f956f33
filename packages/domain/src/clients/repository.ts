import { and, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import { episodesSupervisedBy, type SignedIn } from '../access';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';
import type { Executor } from '../shared/transaction';
import { clients } from './tables';

/**
 * Which clients an actor may see, as a SQL predicate; every query of this module carries it.
 * A therapist sees the clients they are responsible for and the clients of their own episodes
 * (ARCHITECTURE.md: "a therapist sees the clients of their own episodes"); a client sees themself.
 * Supervisors see the clients whose supervision consent is live for a therapist they supervise
 * (the kernel's `episodesSupervisedBy`).
 * Administrators see no clinical records. Anything else: nothing (default deny).
 */
export function visibleTo(actor: SignedIn): SQL {
  const inPractice = eq(clients.practiceId, actor.practiceId);
  switch (actor.role) {
    case 'therapist':
      return and(
        inPractice,
        or(
          eq(clients.therapistId, actor.userId),
          sql`EXISTS (SELECT 1 FROM ${episodes} WHERE ${episodes.practiceId} = ${clients.practiceId} AND ${episodes.clientId} = ${clients.id} AND ${episodes.therapistId} = ${actor.userId})`,
        ),
      ) as SQL;
    case 'client':
      return and(inPractice, eq(clients.userId, actor.userId)) as SQL;
    case 'supervisor':
      return and(
        inPractice,
        sql`EXISTS (SELECT 1 FROM ${episodes} WHERE ${episodes.practiceId} = ${clients.practiceId} AND ${episodes.clientId} = ${clients.id} AND ${episodesSupervisedBy(actor)})`,
      ) as SQL;
    default:
      return sql`false`;
  }
}

const selection = {
  id: clients.id,
  practiceId: clients.practiceId,
  userId: clients.userId,
  displayName: clients.displayName,
  email: clients.email,
  therapistId: clients.therapistId,
  preferredName: clients.preferredName,
  pronouns: clients.pronouns,
  dateOfBirth: clients.dateOfBirth,
  timeZone: clients.timeZone,
  phone: clients.phone,
  emergencyContactName: clients.emergencyContactName,
  emergencyContactPhone: clients.emergencyContactPhone,
  emergencyContactRelationship: clients.emergencyContactRelationship,
  mayEmail: clients.mayEmail,
  emailMayIncludeDetails: clients.emailMayIncludeDetails,
  remindersEnabled: clients.remindersEnabled,
  therapistName: sql<string>`(SELECT ${users.displayName} FROM ${users} WHERE ${users.practiceId} = ${clients.practiceId} AND ${users.id} = ${clients.therapistId})`,
  accepted: sql<boolean>`(SELECT ${users.passwordHash} IS NOT NULL FROM ${users} WHERE ${users.practiceId} = ${clients.practiceId} AND ${users.id} = ${clients.userId})`,
  createdAt: clients.createdAt,
};

export type ClientRow = {
  id: string;
  practiceId: string;
  userId: string;
  displayName: string;
  email: string | null;
  therapistId: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string | null;
  timeZone: string;
  phone: string | null;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  emergencyContactRelationship: string | null;
  mayEmail: boolean;
  emailMayIncludeDetails: boolean;
  remindersEnabled: boolean;
  therapistName: string;
  accepted: boolean;
  createdAt: Date;
};

export async function findById(
  db: Executor,
  actor: SignedIn,
  id: string,
): Promise<ClientRow | undefined> {
  const [row] = await db
    .select(selection)
    .from(clients)
    .where(and(visibleTo(actor), eq(clients.id, id)));
  return row;
}

export async function findByUser(db: Executor, actor: SignedIn): Promise<ClientRow | undefined> {
  const [row] = await db
    .select(selection)
    .from(clients)
    .where(and(visibleTo(actor), eq(clients.userId, actor.userId)));
  return row;
}

export type Cursor = { createdAt: Date; id: string };

/** Newest first, keyset-paginated by (createdAt, id). */
export async function listVisible(
  db: Executor,
  actor: SignedIn,
  limit: number,
  after: Cursor | undefined,
): Promise<ClientRow[]> {
  const page = after
    ? or(
        lt(clients.createdAt, after.createdAt),
        and(eq(clients.createdAt, after.createdAt), lt(clients.id, after.id)),
      )
    : undefined;
  return db
    .select(selection)
    .from(clients)
    .where(and(visibleTo(actor), page))
    .orderBy(desc(clients.createdAt), desc(clients.id))
    .limit(limit);
}

/** Applies already-checked column values to one visible client; false when it is not visible. */
export async function updateById(
  db: Executor,
  actor: SignedIn,
  id: string,
  columns: Partial<typeof clients.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(clients)
    .set(columns)
    .where(and(visibleTo(actor), eq(clients.id, id)))
    .returning({ id: clients.id });
  return updated.length > 0;
}
