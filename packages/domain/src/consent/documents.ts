import type * as Contract from '@throughline/contracts';
import type { z } from 'zod';
import { type AccessContext, perform } from '../access';
import {
  insertDocument,
  listDocuments,
  lockCurrentDocument,
  supersedeDocument,
} from './repository';
import { toDocument } from './views';

export type ConsentDocument = Contract.ConsentDocument;
export type PublishConsentInput = z.output<typeof Contract.publishConsentRequest>;

/** Every version of the practice's consent documents (staff: they hold no client data). */
export async function listConsentDocuments(ctx: AccessContext): Promise<ConsentDocument[]> {
  const target = { resourceType: 'consent-document', what: 'consent document' };
  return perform(ctx, 'consent.document.list', target, async (tx, { actor }) =>
    (await listDocuments(tx, actor.practiceId)).map(toDocument),
  );
}

/**
 * Publishes a new version of a kind: it supersedes the current one. Signatures keep the version
 * they signed, and stay live until the client withdraws them or signs the new version. Only a
 * supervision consent shares parts of the record; for other kinds `shares` is ignored.
 */
export async function publishConsentDocument(
  ctx: AccessContext,
  input: PublishConsentInput,
): Promise<ConsentDocument> {
  const target = { resourceType: 'consent-document', what: 'consent document' };
  return perform(ctx, 'consent.document.publish', target, async (tx, step) => {
    const { actor } = step;
    const now = ctx.services.now();
    const current = await lockCurrentDocument(tx, actor.practiceId, input.kind);
    if (current) await supersedeDocument(tx, actor.practiceId, current.id, now);
    const row = await insertDocument(tx, {
      practiceId: actor.practiceId,
      kind: input.kind,
      version: (current?.version ?? 0) + 1,
      title: input.title,
      body: input.body,
      shares: input.kind === 'supervision' ? [...new Set(input.shares)] : [],
      publishedBy: actor.userId,
      publishedAt: now,
    });
    step.audit({
      resourceId: row.id,
      detail: { kind: row.kind, version: row.version, shares: row.shares.join(',') },
    });
    return toDocument(row);
  });
}
