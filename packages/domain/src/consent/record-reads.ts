import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { findDocuments, listSignatures } from './repository';
import { consentSignaturePurpose } from './views';

export type ConsentRecord = {
  id: string;
  kind: string;
  documentTitle: string;
  documentVersion: number;
  documentBody: string;
  signedName: string;
  signedAt: Date;
  endedAt: Date | null;
  endedBecause: 'withdrawn' | 'replaced' | null;
};

/** Every consent the client signed (live and ended) with the version they read (issue 12). */
export async function listConsentsForRecord(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  clientId: string,
): Promise<ConsentRecord[]> {
  const signatures = await listSignatures(db, practiceId, clientId);
  const documents = new Map(
    (
      await findDocuments(
        db,
        practiceId,
        signatures.map((s) => s.documentId),
      )
    ).map((d) => [d.id, d]),
  );
  return Promise.all(
    [...signatures].reverse().map(async (s) => {
      const document = documents.get(s.documentId);
      if (!document) throw new Error('consent export: a signature without its document');
      return {
        id: s.id,
        kind: s.kind,
        documentTitle: document.title,
        documentVersion: document.version,
        documentBody: document.body,
        signedName: await keyring.decrypt(
          db,
          practiceId,
          s.signedName,
          consentSignaturePurpose(s.id),
        ),
        signedAt: s.signedAt,
        endedAt: s.endedAt,
        endedBecause: s.endedBecause,
      };
    }),
  );
}
