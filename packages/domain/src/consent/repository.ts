import type { ConsentKind } from '@throughline/contracts';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { consentDocuments, consentSignatures } from './tables';

/** Data access for consent documents and signatures; every query carries the practice. */

export type DocumentRow = typeof consentDocuments.$inferSelect;
export type SignatureRow = typeof consentSignatures.$inferSelect;

/** Every version of every document of the practice, newest version first per kind. */
export function listDocuments(db: Executor, practiceId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(consentDocuments)
    .where(eq(consentDocuments.practiceId, practiceId))
    .orderBy(consentDocuments.kind, desc(consentDocuments.version));
}

/** The current (not superseded) version of each kind. */
export function listCurrentDocuments(db: Executor, practiceId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(consentDocuments)
    .where(and(eq(consentDocuments.practiceId, practiceId), isNull(consentDocuments.supersededAt)))
    .orderBy(consentDocuments.kind);
}

/** The current version of a kind, locked: publishing and signing serialise on it. */
export async function lockCurrentDocument(
  db: Executor,
  practiceId: string,
  kind: ConsentKind,
): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(consentDocuments)
    .where(
      and(
        eq(consentDocuments.practiceId, practiceId),
        eq(consentDocuments.kind, kind),
        isNull(consentDocuments.supersededAt),
      ),
    )
    .for('update');
  return row;
}

export async function findDocuments(
  db: Executor,
  practiceId: string,
  ids: string[],
): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(consentDocuments)
    .where(and(eq(consentDocuments.practiceId, practiceId), inArray(consentDocuments.id, ids)));
}

/** A client's signatures, newest first (live and ended). */
export function listSignatures(
  db: Executor,
  practiceId: string,
  clientId: string,
): Promise<SignatureRow[]> {
  return db
    .select()
    .from(consentSignatures)
    .where(
      and(eq(consentSignatures.practiceId, practiceId), eq(consentSignatures.clientId, clientId)),
    )
    .orderBy(desc(consentSignatures.signedAt));
}

/** One signature of the client, locked (a withdrawal and a new signature serialise on it). */
export async function lockSignature(
  db: Executor,
  practiceId: string,
  clientId: string,
  id: string,
): Promise<SignatureRow | undefined> {
  const [row] = await db
    .select()
    .from(consentSignatures)
    .where(
      and(
        eq(consentSignatures.practiceId, practiceId),
        eq(consentSignatures.clientId, clientId),
        eq(consentSignatures.id, id),
      ),
    )
    .for('update');
  return row;
}

/** Ends the client's live signature of a kind (a newer one replaces it); returns its id. */
export async function endLiveSignature(
  db: Executor,
  q: { practiceId: string; clientId: string; kind: ConsentKind },
  at: Date,
  because: 'withdrawn' | 'replaced',
): Promise<string | undefined> {
  const [row] = await db
    .update(consentSignatures)
    .set({ endedAt: at, endedBecause: because })
    .where(
      and(
        eq(consentSignatures.practiceId, q.practiceId),
        eq(consentSignatures.clientId, q.clientId),
        eq(consentSignatures.kind, q.kind),
        isNull(consentSignatures.endedAt),
      ),
    )
    .returning({ id: consentSignatures.id });
  return row?.id;
}

export async function supersedeDocument(
  db: Executor,
  practiceId: string,
  id: string,
  at: Date,
): Promise<void> {
  await db
    .update(consentDocuments)
    .set({ supersededAt: at })
    .where(and(eq(consentDocuments.practiceId, practiceId), eq(consentDocuments.id, id)));
}

export async function insertDocument(
  db: Executor,
  values: typeof consentDocuments.$inferInsert,
): Promise<DocumentRow> {
  const [row] = await db.insert(consentDocuments).values(values).returning();
  if (!row) throw new Error('consent document not inserted');
  return row;
}

export async function insertSignature(
  db: Executor,
  values: typeof consentSignatures.$inferInsert,
): Promise<SignatureRow> {
  const [row] = await db.insert(consentSignatures).values(values).returning();
  if (!row) throw new Error('consent signature not inserted');
  return row;
}
