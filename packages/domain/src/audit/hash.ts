import { createHash } from 'node:crypto';

export type ChainedFields = {
  seq: bigint;
  id: bigint;
  practiceId: string;
  version: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: string;
  requestId: string | null;
  /** Version 2 on. */
  clientAddress: string | null;
  /** Version 2 on. */
  userAgent: string | null;
  /** Version 3 on. */
  subjectClientId?: string | null;
  detail: unknown;
};

/**
 * The version written on new events. 1: the original fields. 2: adds the client address and user
 * agent. 3: adds the subject client (whose record the event is about). Events keep the version they were sealed with, so a chain of both still verifies.
 */
export const AUDIT_EVENT_VERSION = 3;

export const GENESIS_HASH = '0'.repeat(64);

/** Stable JSON: object keys sorted, so the same event always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** hash = SHA-256(previous hash ‖ canonical event); every field of the event is covered. */
export function chainHash(prevHash: string, event: ChainedFields): string {
  const fields: Record<string, unknown> = {
    seq: event.seq.toString(),
    id: event.id.toString(),
    practiceId: event.practiceId,
    version: event.version,
    occurredAt: event.occurredAt.toISOString(),
    actorUserId: event.actorUserId,
    actorRole: event.actorRole,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    outcome: event.outcome,
    requestId: event.requestId,
    detail: event.detail ?? null,
  };
  // Version 1 events were hashed without these two fields; they always include them from version 2
  // on. A version-1 event that carries one (written in later) hashes differently, so it fails.
  const address = event.clientAddress ?? null;
  const agent = event.userAgent ?? null;
  if (event.version >= 2 || address !== null || agent !== null) {
    fields.clientAddress = address;
    fields.userAgent = agent;
  }
  const subject = event.subjectClientId ?? null;
  if (event.version >= 3 || subject !== null) fields.subjectClientId = subject;
  return createHash('sha256').update(prevHash).update('\n').update(canonical(fields)).digest('hex');
}
