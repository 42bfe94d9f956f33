import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { consentDocuments, consentSignatures } from './tables';

/** Every consent a client signed, with the document's title, for their copy (issue 12). */
export function listClientSignatures(tx: Executor, practiceId: string, clientId: string) {
  return tx
    .select({
      title: consentDocuments.title,
      version: consentDocuments.version,
      signedAt: consentSignatures.signedAt,
      endedAt: consentSignatures.endedAt,
      endedBecause: consentSignatures.endedBecause,
    })
    .from(consentSignatures)
    .innerJoin(
      consentDocuments,
      and(
        eq(consentDocuments.practiceId, consentSignatures.practiceId),
        eq(consentDocuments.id, consentSignatures.documentId),
      ),
    )
    .where(
      and(eq(consentSignatures.practiceId, practiceId), eq(consentSignatures.clientId, clientId)),
    )
    .orderBy(asc(consentSignatures.signedAt));
}
