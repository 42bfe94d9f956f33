import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { type Fragment, fragment, type IdOrSql } from '../shared/fragment';
import type { Executor } from '../shared/transaction';
import { visibleTo } from './repository';
import { clients } from './tables';

/**
 * The clients module's reads for other modules' read models (brief, caseload, timeline): the
 * clients table is named only in this module (module ownership, issue 8).
 */

/** How a client is named and where they live; `pronouns` is sealed (`clientFieldPurpose`). */
export type ClientHeadRow = {
  display_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  client_time_zone: string;
};

const id = (v: IdOrSql): SQL => (typeof v === 'string' ? sql`${v}::uuid` : v);

/**
 * One client's head, for `JOIN LATERAL (...) c ON true` from a row that names the client (a
 * primary-key probe; PostgreSQL pulls the subquery up into a plain join). Visibility is the
 * caller's: it joins from an episode the actor may see.
 */
export function clientHeadSql(q: {
  practiceId: IdOrSql;
  clientId: IdOrSql;
}): Fragment<ClientHeadRow> {
  return fragment(sql`SELECT ${clients.displayName} AS display_name,
      ${clients.preferredName} AS preferred_name, ${clients.pronouns} AS pronouns,
      ${clients.timeZone} AS client_time_zone
    FROM ${clients} WHERE ${clients.practiceId} = ${id(q.practiceId)} AND ${clients.id} = ${id(q.clientId)}`);
}

/** Whether the actor may see this client record (their client, or themself), as SQL. */
export function seesClientSql(actor: SignedIn, clientId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${clients} WHERE ${and(visibleTo(actor), eq(clients.id, clientId))})`;
}

/**
 * A client of the practice by id, without the clinical visibility predicate: only for what a
 * practice administrator may see about any client — who accessed their record (the access
 * report), never the record itself.
 */
export async function findClientInPractice(
  db: Executor,
  practiceId: string,
  clientId: string,
): Promise<{ id: string; userId: string } | undefined> {
  const [row] = await db
    .select({ id: clients.id, userId: clients.userId })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  return row;
}
