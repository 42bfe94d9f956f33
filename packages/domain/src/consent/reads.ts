import { type ConsentKind, SUPERVISION_PARTS, type SupervisionPart } from '@throughline/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { consentDocuments, consentSignatures } from './tables';

/** The consent module's reads for other modules (the supervisor's list of episodes). */

const isPart = (v: string): v is SupervisionPart =>
  (SUPERVISION_PARTS as readonly string[]).includes(v);

/** Per client: their live supervision consent — what it shares and when it was signed. */
export async function liveSupervisionShares(
  db: Executor,
  practiceId: string,
  clientIds: string[],
): Promise<Map<string, { shares: SupervisionPart[]; signedAt: Date }>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .select({
      clientId: consentSignatures.clientId,
      signedAt: consentSignatures.signedAt,
      shares: consentDocuments.shares,
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
      and(
        eq(consentSignatures.practiceId, practiceId),
        inArray(consentSignatures.clientId, clientIds),
        eq(consentSignatures.kind, 'supervision'),
        isNull(consentSignatures.endedAt),
      ),
    );
  return new Map(
    rows.map((r) => [r.clientId, { shares: r.shares.filter(isPart), signedAt: r.signedAt }]),
  );
}

/** When the client's live consent of a kind was signed; null when none is live (never or withdrawn). */
export async function liveConsentSignedAt(
  db: Executor,
  practiceId: string,
  clientId: string,
  kind: ConsentKind,
): Promise<Date | null> {
  const [row] = await db
    .select({ signedAt: consentSignatures.signedAt })
    .from(consentSignatures)
    .where(
      and(
        eq(consentSignatures.practiceId, practiceId),
        eq(consentSignatures.clientId, clientId),
        eq(consentSignatures.kind, kind),
        isNull(consentSignatures.endedAt),
      ),
    );
  return row?.signedAt ?? null;
}

/** Whether the client has a live signature of this kind (signed, not withdrawn or replaced). */
export async function hasLiveConsent(
  db: Executor,
  practiceId: string,
  clientId: string,
  kind: ConsentKind,
): Promise<boolean> {
  return (await liveConsentSignedAt(db, practiceId, clientId, kind)) !== null;
}
