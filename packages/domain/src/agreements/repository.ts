import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import {
  type AgreementKind,
  type AgreementParty,
  agreementResponses,
  agreements,
  agreementVersions,
} from './tables';

export type AgreementRow = typeof agreements.$inferSelect;
export type VersionRow = typeof agreementVersions.$inferSelect;
export type ResponseRow = typeof agreementResponses.$inferSelect;

/**
 * The agreement of this kind in the episode, locked for the rest of the transaction so that a
 * proposal and an answer to the version it supersedes are serialised. Created when `create`.
 */
export async function lockAgreement(
  tx: Executor,
  practiceId: string,
  episodeId: string,
  kind: AgreementKind,
  create: boolean,
): Promise<AgreementRow | undefined> {
  if (create)
    await tx
      .insert(agreements)
      .values({ practiceId, episodeId, kind })
      .onConflictDoNothing({
        target: [agreements.practiceId, agreements.episodeId, agreements.kind],
      });
  const [row] = await tx
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.practiceId, practiceId),
        eq(agreements.episodeId, episodeId),
        eq(agreements.kind, kind),
      ),
    )
    .for('update');
  return row;
}

/** A version with its agreement (for the episode), locking the agreement row. */
export async function lockVersion(
  tx: Executor,
  practiceId: string,
  versionId: string,
): Promise<{ version: VersionRow; agreement: AgreementRow } | undefined> {
  const [row] = await tx
    .select({ version: agreementVersions, agreement: agreements })
    .from(agreementVersions)
    .innerJoin(
      agreements,
      and(
        eq(agreements.practiceId, agreementVersions.practiceId),
        eq(agreements.id, agreementVersions.agreementId),
      ),
    )
    .where(and(eq(agreementVersions.practiceId, practiceId), eq(agreementVersions.id, versionId)))
    .for('update');
  return row;
}

/** The version proposed about a record (for `shared-plan`: a treatment plan version). */
export async function findVersionBySubject(
  db: Executor,
  practiceId: string,
  subjectId: string,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(agreementVersions)
    .where(
      and(eq(agreementVersions.practiceId, practiceId), eq(agreementVersions.subjectId, subjectId)),
    )
    .orderBy(desc(agreementVersions.version))
    .limit(1);
  return row;
}

/** Every version of an agreement, newest first. */
export function listVersions(
  db: Executor,
  practiceId: string,
  agreementId: string,
): Promise<VersionRow[]> {
  return db
    .select()
    .from(agreementVersions)
    .where(
      and(
        eq(agreementVersions.practiceId, practiceId),
        eq(agreementVersions.agreementId, agreementId),
      ),
    )
    .orderBy(desc(agreementVersions.version));
}

export async function listResponses(
  db: Executor,
  practiceId: string,
  versionIds: readonly string[],
): Promise<ResponseRow[]> {
  if (versionIds.length === 0) return [];
  return db
    .select()
    .from(agreementResponses)
    .where(
      and(
        eq(agreementResponses.practiceId, practiceId),
        inArray(agreementResponses.versionId, [...versionIds]),
      ),
    );
}

/** Marks the version still current (if any) as superseded; returns its number, or 0. */
export async function supersedeCurrent(
  tx: Executor,
  practiceId: string,
  agreementId: string,
  at: Date,
): Promise<number> {
  await tx
    .update(agreementVersions)
    .set({ supersededAt: at })
    .where(
      and(
        eq(agreementVersions.practiceId, practiceId),
        eq(agreementVersions.agreementId, agreementId),
        isNull(agreementVersions.supersededAt),
      ),
    );
  const [latest] = await listVersions(tx, practiceId, agreementId);
  return latest?.version ?? 0;
}

export async function insertVersion(
  tx: Executor,
  row: typeof agreementVersions.$inferInsert,
  parties: readonly { party: AgreementParty; acceptedBy?: string }[],
): Promise<void> {
  await tx.insert(agreementVersions).values(row);
  await tx.insert(agreementResponses).values(
    parties.map((p) => ({
      practiceId: row.practiceId,
      versionId: row.id as string,
      party: p.party,
      response: p.acceptedBy ? ('accepted' as const) : ('pending' as const),
      respondedBy: p.acceptedBy ?? null,
      respondedAt: p.acceptedBy ? row.proposedAt : null,
    })),
  );
}

export async function setResponse(
  tx: Executor,
  key: { practiceId: string; versionId: string; party: AgreementParty },
  answer: { response: 'accepted' | 'declined'; by: string; at: Date },
): Promise<void> {
  await tx
    .update(agreementResponses)
    .set({ response: answer.response, respondedBy: answer.by, respondedAt: answer.at })
    .where(
      and(
        eq(agreementResponses.practiceId, key.practiceId),
        eq(agreementResponses.versionId, key.versionId),
        eq(agreementResponses.party, key.party),
      ),
    );
}
