import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { AUDIT_EVENT_VERSION } from './hash';
import { auditEvents } from './tables';

export type AuditEntry = {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  outcome: 'success' | 'denied' | 'failure';
  /** Non-clinical context only: reason codes, counts. Never names, notes or scores. */
  detail?: Record<string, string | number | boolean | null>;
  /** For events without a signed-in actor (a failed sign-in to a known account). */
  practiceId?: string;
  actorUserId?: string | null;
  /** The client whose record this is about (their access report lists it). */
  subjectClientId?: string | null;
};

/**
 * Appends an audit event. Call it with the transaction of the read or write it records, so that
 * both commit or neither does. It only inserts: the chain is sealed later by the sealer.
 */
export async function recordAudit(
  tx: Executor,
  ctx: AccessContext,
  entry: AuditEntry,
): Promise<void> {
  const actor = ctx.actor.kind === 'user' ? ctx.actor : undefined;
  const practiceId = entry.practiceId ?? actor?.practiceId;
  if (!practiceId) return; // nothing to chain to: no practice is involved
  await tx.insert(auditEvents).values({
    practiceId,
    version: AUDIT_EVENT_VERSION,
    actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : (actor?.userId ?? null),
    actorRole: actor?.role ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    outcome: entry.outcome,
    requestId: ctx.requestId,
    clientAddress: ctx.client?.address ?? null,
    userAgent: ctx.client?.userAgent ?? null,
    subjectClientId: entry.subjectClientId ?? null,
    detail: entry.detail ?? null,
  });
}
