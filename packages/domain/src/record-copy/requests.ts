import { randomUUID } from 'node:crypto';
import {
  type PendingRecordRequestList,
  RECORD_REQUEST_DUE_DAYS,
  type RecordCopyState,
  type RecordRequest,
} from '@throughline/contracts';
import { DateTime } from 'luxon';
import { type AccessContext, HIDDEN, perform } from '../access';
import { findClientById, findClientOfUser } from '../clients';
import { AppError } from '../shared/errors';
import { collectRecordCopy } from './collect';
import {
  decideRequest,
  findLatestRequest,
  findPracticeCopySetting,
  findRequestById,
  insertRequest,
  listPending,
  refusalReasonPurpose,
} from './repository';
import { presentRequest } from './requests-view';
import { clientCopyReleased } from './rule';
import type { RecordCopy } from './views';

const reviewOff = (): AppError =>
  new AppError(
    'COPY_REVIEW_OFF',
    'Your practice does not review copies first: download your copy on the "Your record" page now.',
  );

const answered = (status: string): AppError =>
  new AppError(
    'RECORD_REQUEST_ANSWERED',
    `This request was already ${status}; the client can ask again for a new copy.`,
  );

/** The portal's "Your record" page: whether the client may download now, and their latest request. */
export function readOwnCopyState(ctx: AccessContext): Promise<RecordCopyState> {
  const target = { resourceType: 'record-copy', what: 'client record' };
  return perform(ctx, 'record-copy.state.read', target, async (tx, step) => {
    const client = await findClientOfUser(tx, step.actor);
    const practice = await findPracticeCopySetting(tx, step.actor.practiceId);
    if (!client || !practice) return HIDDEN;
    step.about({ clientId: client.id });
    const release = await clientCopyReleased(tx, client, ctx.services.now(), async () => '');
    const latest = await findLatestRequest(tx, client.practiceId, client.id);
    return {
      practiceName: practice.name,
      reviewRequired: practice.copyReviewRequired,
      mayDownload: release.released,
      latestRequest: latest ? await presentRequest(tx, ctx, latest) : null,
      timeZone: client.timeZone,
    };
  });
}

/**
 * The client asks for a copy when the practice reviews copies first (HIPAA 164.524(b)(2): an
 * answer within 30 days, the due-by date recorded). Asking again while one waits returns it.
 */
export function requestOwnCopy(ctx: AccessContext): Promise<RecordRequest> {
  const target = { resourceType: 'record-request', what: 'client record' };
  return perform(ctx, 'record-request.create', target, async (tx, step) => {
    const client = await findClientOfUser(tx, step.actor);
    const practice = await findPracticeCopySetting(tx, step.actor.practiceId);
    if (!client || !practice) return HIDDEN;
    if (!practice.copyReviewRequired) throw reviewOff();
    step.about({ clientId: client.id });
    const latest = await findLatestRequest(tx, client.practiceId, client.id);
    if (latest?.status === 'pending') {
      step.audit({
        resourceType: 'record-request',
        resourceId: latest.id,
        detail: { again: true },
      });
      return presentRequest(tx, ctx, latest);
    }
    const now = ctx.services.now();
    const row = await insertRequest(tx, {
      practiceId: client.practiceId,
      id: randomUUID(),
      clientId: client.id,
      requestedAt: now,
      dueBy: DateTime.fromJSDate(now).plus({ days: RECORD_REQUEST_DUE_DAYS }).toJSDate(),
    });
    step.audit({ resourceType: 'record-request', resourceId: row.id });
    return presentRequest(tx, ctx, row);
  });
}

/** Requests waiting for this therapist's review, the one due soonest first. */
export function listPendingRecordRequests(ctx: AccessContext): Promise<PendingRecordRequestList> {
  const target = { resourceType: 'record-request', what: 'request' };
  return perform(ctx, 'record-request.list', target, async (tx, step) => {
    // Kept to the therapist's own clients by the clients module's rule (few rows: pending only).
    const items: PendingRecordRequestList['items'] = [];
    for (const r of await listPending(tx, step.actor.practiceId)) {
      const client = await findClientById(tx, step.actor, r.clientId);
      if (client)
        items.push({
          id: r.id,
          clientId: r.clientId,
          clientName: client.preferredName || client.displayName,
          requestedAt: r.requestedAt,
          dueBy: r.dueBy,
        });
    }
    step.audit({ resourceType: 'record-request', detail: { count: items.length } });
    return { items };
  });
}

type Decision = { status: 'released' } | { status: 'refused'; reason: string };

/** The therapist releases the copy, or refuses with a reason the client reads (audited). */
export function decideRecordRequest(
  ctx: AccessContext,
  id: string,
  decision: Decision,
): Promise<RecordRequest> {
  const action =
    decision.status === 'released' ? 'record-request.release' : 'record-request.refuse';
  const target = { resourceType: 'record-request', resourceId: id, what: 'request' };
  return perform(ctx, action, target, async (tx, step) => {
    const row = await findRequestById(tx, step.actor.practiceId, id);
    const client = row ? await findClientById(tx, step.actor, row.clientId) : undefined;
    if (!row || !client) return HIDDEN;
    step.about({ clientId: client.id });
    if (row.status !== 'pending') throw answered(row.status);
    const reason =
      decision.status === 'refused'
        ? await ctx.services.keyring.encrypt(
            tx,
            row.practiceId,
            decision.reason,
            refusalReasonPurpose(row.id),
          )
        : null;
    const updated = await decideRequest(tx, row, {
      status: decision.status,
      decidedAt: ctx.services.now(),
      decidedBy: step.actor.userId,
      refusalReason: reason,
    });
    step.audit({ resourceType: 'record-request', resourceId: row.id });
    return presentRequest(tx, ctx, updated);
  });
}

/** The therapist reads the copy the client would receive, before releasing it (audited). */
export function reviewClientCopy(ctx: AccessContext, clientId: string): Promise<RecordCopy> {
  const target = { resourceType: 'record-copy', resourceId: clientId, what: 'client' };
  return perform(ctx, 'record-copy.review', target, async (tx, step) => {
    const client = await findClientById(tx, step.actor, clientId);
    const practice = await findPracticeCopySetting(tx, step.actor.practiceId);
    if (!client || !practice) return HIDDEN;
    step.about({ clientId: client.id });
    return collectRecordCopy(tx, ctx, client, practice);
  });
}
