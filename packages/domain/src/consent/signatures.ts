import type * as Contract from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AccessContext, HIDDEN, perform, Refusal } from '../access';
import { cancelFutureCheckIns } from '../aftercare';
import { findClientOfUser, seesClientSql } from '../clients';
import { AppError } from '../shared/errors';
import {
  endLiveSignature,
  findDocuments,
  insertSignature,
  listCurrentDocuments,
  listSignatures,
  lockCurrentDocument,
  lockSignature,
} from './repository';
import { consentSignaturePurpose, toDocument, toSignature, toSignatures } from './views';

export type ConsentSignature = Contract.ConsentSignature;
export type PortalConsentItem = Contract.PortalConsentItem;
export type SignConsentInput = z.output<typeof Contract.signConsentRequest>;

const noClient = (): AppError =>
  new AppError('NOT_FOUND', 'No client record is linked to your account.');

/** The portal's consent page: each current document and the client's live signature of it. */
export async function listPortalConsents(ctx: AccessContext): Promise<PortalConsentItem[]> {
  const target = { resourceType: 'consent', what: 'client record' };
  return perform(ctx, 'consent.portal.list', target, async (tx, step) => {
    const client = await findClientOfUser(tx, step.actor);
    if (!client) return new Refusal(noClient());
    const documents = await listCurrentDocuments(tx, client.practiceId);
    const live = (await listSignatures(tx, client.practiceId, client.id)).filter((s) => !s.endedAt);
    const signedDocs = await findDocuments(
      tx,
      client.practiceId,
      live.map((s) => s.documentId),
    );
    const signatures = await toSignatures(tx, ctx, live, signedDocs);
    step.audit({ resourceId: client.id, resourceType: 'client' });
    return documents.map((d) => {
      const signature = signatures.find((s) => s.kind === d.kind) ?? null;
      return {
        document: toDocument(d),
        signature,
        newerVersion: signature !== null && signature.version < d.version,
      };
    });
  });
}

/**
 * The client signs the current version of a kind with their typed name, at the server's time.
 * An older version is refused (409: read the current one); a live signature of the same kind is
 * replaced, so at most one is live.
 */
export async function signConsent(
  ctx: AccessContext,
  input: SignConsentInput,
): Promise<ConsentSignature> {
  const target = { resourceType: 'consent-signature', what: 'consent document' };
  return perform(ctx, 'consent.sign', target, async (tx, step) => {
    const client = await findClientOfUser(tx, step.actor);
    if (!client) return new Refusal(noClient());
    const document = await lockCurrentDocument(tx, client.practiceId, input.kind);
    if (!document) return HIDDEN;
    if (document.version !== input.version)
      return new Refusal(
        new AppError(
          'CONSENT_VERSION_SUPERSEDED',
          `Version ${input.version} is not the current one; read version ${document.version} and sign that.`,
        ),
        { kind: input.kind, version: input.version },
      );
    const now = ctx.services.now();
    const replaced = await endLiveSignature(
      tx,
      { practiceId: client.practiceId, clientId: client.id, kind: input.kind },
      now,
      'replaced',
    );
    const id = crypto.randomUUID();
    const row = await insertSignature(tx, {
      practiceId: client.practiceId,
      id,
      clientId: client.id,
      documentId: document.id,
      kind: document.kind,
      signedName: await ctx.services.keyring.encrypt(
        tx,
        client.practiceId,
        input.signedName,
        consentSignaturePurpose(id),
      ),
      signedBy: step.actor.userId,
      signedAt: now,
    });
    step.audit({
      resourceId: id,
      detail: { kind: document.kind, version: document.version, replaced: replaced ?? null },
    });
    return toSignature(tx, ctx, row, document);
  });
}

/**
 * The client withdraws a live consent. It ends at once: the kernel reads the live signature on
 * every request (a supervisor's next request finds nothing). Withdrawing twice is a 409.
 */
export async function withdrawConsent(
  ctx: AccessContext,
  signatureId: string,
): Promise<ConsentSignature> {
  const target = { resourceType: 'consent-signature', resourceId: signatureId, what: 'consent' };
  return perform(ctx, 'consent.withdraw', target, async (tx, step) => {
    const client = await findClientOfUser(tx, step.actor);
    if (!client) return HIDDEN;
    const row = await lockSignature(tx, client.practiceId, client.id, signatureId);
    if (!row) return HIDDEN;
    if (row.endedAt)
      return new Refusal(
        new AppError('CONSENT_ENDED', 'This consent has already ended; nothing was changed.'),
      );
    const now = ctx.services.now();
    await endLiveSignature(
      tx,
      { practiceId: row.practiceId, clientId: row.clientId, kind: row.kind },
      now,
      'withdrawn',
    );
    // Withdrawing check-in consent stops every check-in still to come, at once (issue 11).
    if (row.kind === 'check-ins')
      await cancelFutureCheckIns(tx, row.practiceId, { clientId: row.clientId }, now);
    const [document] = await findDocuments(tx, row.practiceId, [row.documentId]);
    if (!document) throw new Error('signature without its document');
    step.audit({ detail: { kind: row.kind } });
    return toSignature(tx, ctx, { ...row, endedAt: now, endedBecause: 'withdrawn' }, document);
  });
}

/** A client's consents, live and ended, for the staff who may see the client. */
export async function listClientConsents(
  ctx: AccessContext,
  clientId: string,
): Promise<ConsentSignature[]> {
  const target = { resourceType: 'client', resourceId: clientId, what: 'client' };
  return perform(ctx, 'consent.client.list', target, async (tx, step) => {
    const { actor } = step;
    const visible = await tx.execute<{ v: boolean }>(
      sql`SELECT ${seesClientSql(actor, clientId)} AS v`,
    );
    if (visible.rows[0]?.v !== true) return HIDDEN;
    const rows = await listSignatures(tx, actor.practiceId, clientId);
    const docs = await findDocuments(
      tx,
      actor.practiceId,
      rows.map((r) => r.documentId),
    );
    step.audit({ detail: { count: rows.length } });
    return toSignatures(tx, ctx, rows, docs);
  });
}
