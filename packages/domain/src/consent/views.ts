import {
  type ConsentDocument,
  type ConsentSignature,
  SUPERVISION_PARTS,
  type SupervisionPart,
} from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import type { DocumentRow, SignatureRow } from './repository';

/** The encryption purpose of a signature's typed name. */
export const consentSignaturePurpose = (signatureId: string): string =>
  `consent-signature.signed-name:${signatureId}`;

const isPart = (v: string): v is SupervisionPart =>
  (SUPERVISION_PARTS as readonly string[]).includes(v);

export function toDocument(row: DocumentRow): ConsentDocument {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    title: row.title,
    body: row.body,
    shares: row.shares.filter(isPart),
    publishedAt: row.publishedAt,
    supersededAt: row.supersededAt,
  };
}

export async function toSignature(
  db: Executor,
  ctx: AccessContext,
  row: SignatureRow,
  document: DocumentRow,
): Promise<ConsentSignature> {
  return {
    id: row.id,
    kind: row.kind,
    documentId: row.documentId,
    version: document.version,
    title: document.title,
    signedName: await ctx.services.keyring.decrypt(
      db,
      row.practiceId,
      row.signedName,
      consentSignaturePurpose(row.id),
    ),
    signedAt: row.signedAt,
    endedAt: row.endedAt,
    endedBecause: row.endedBecause,
    shares: document.shares.filter(isPart),
  };
}

/** Signatures with their documents, in the order given. */
export async function toSignatures(
  db: Executor,
  ctx: AccessContext,
  rows: SignatureRow[],
  documents: DocumentRow[],
): Promise<ConsentSignature[]> {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const out: ConsentSignature[] = [];
  for (const row of rows) {
    const document = byId.get(row.documentId);
    if (document) out.push(await toSignature(db, ctx, row, document));
  }
  return out;
}
