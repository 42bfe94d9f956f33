import type { AuditVerification } from '@throughline/contracts';
import type { Database } from '@throughline/db';
import { and, asc, count, eq, gt, isNotNull, isNull, min } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { chainHash, GENESIS_HASH } from './hash';
import { recordAudit } from './record';
import { auditChainHeads, auditEvents } from './tables';

export type ChainReport = AuditVerification;

const PAGE = 2000;

/**
 * Walks one practice's chain in sequence order and recomputes every hash. An edited event breaks
 * its own hash; a deleted one leaves a gap in `seq`; a reordered one breaks the link to its
 * predecessor; a removed tail no longer reaches the recorded chain head.
 */
export type KeptHead = { seq: bigint; hash: string; takenAt: string };

export async function verifyAuditChain(
  db: Database,
  practiceId: string,
  /** The head recorded in a checkpoint kept outside the database (see checkpoint.ts). */
  kept?: KeptHead,
): Promise<ChainReport> {
  const [pending] = await db
    .select({ n: count(), oldest: min(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(and(eq(auditEvents.practiceId, practiceId), isNull(auditEvents.seq)));
  const unsealed = Number(pending?.n ?? 0);
  const oldestUnsealedAt = pending?.oldest ? new Date(pending.oldest) : null;
  const report = (checked: number, bad: bigint | null, reason: string | null): ChainReport => ({
    ok: reason === null,
    checked,
    unsealed,
    oldestUnsealedAt,
    firstBadEventId: bad === null ? null : bad.toString(),
    reason,
  });

  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastSeq = 0n;
  while (true) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.practiceId, practiceId),
          isNotNull(auditEvents.seq),
          gt(auditEvents.seq, lastSeq),
        ),
      )
      .orderBy(asc(auditEvents.seq))
      .limit(PAGE);
    for (const row of rows) {
      const seq = row.seq as bigint;
      if (seq !== expectedSeq) {
        return report(
          checked,
          row.id,
          `event ${expectedSeq} of the chain is missing (next found is ${seq})`,
        );
      }
      if (row.prevHash !== prevHash) {
        return report(
          checked,
          row.id,
          'does not link to the event before it (reordered or replaced)',
        );
      }
      if (chainHash(prevHash, { ...row, seq }) !== row.hash) {
        return report(checked, row.id, 'its content no longer matches its hash (edited)');
      }
      if (kept && seq === kept.seq && row.hash !== kept.hash) {
        return report(
          checked,
          row.id,
          `event ${seq} is not the one the checkpoint of ${kept.takenAt} recorded: the chain was rewritten below the checkpoint (events removed and others sealed in their place)`,
        );
      }
      prevHash = row.hash;
      expectedSeq += 1n;
      lastSeq = seq;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  const [head] = await db
    .select()
    .from(auditChainHeads)
    .where(eq(auditChainHeads.practiceId, practiceId));
  const headSeq = head?.lastSeq ?? 0n;
  if (headSeq !== lastSeq || (head && head.lastHash !== prevHash)) {
    return report(
      checked,
      null,
      `the chain ends at event ${lastSeq} but its recorded head is ${headSeq} (newest events removed)`,
    );
  }
  if (kept && lastSeq < kept.seq) {
    return report(
      checked,
      null,
      `the chain ends at event ${lastSeq} but the checkpoint of ${kept.takenAt} recorded event ${kept.seq}: the newest events were removed and the chain head rewound`,
    );
  }
  return report(checked, null, null);
}

/** An administrator checks their own practice's chain; the check itself is audited. */
export async function verifyPracticeAuditChain(ctx: AccessContext): Promise<ChainReport> {
  const actor = signedIn(ctx);
  const report = await verifyAuditChain(ctx.services.db, actor.practiceId);
  await recordAudit(ctx.services.db, ctx, {
    action: 'audit.verify',
    resourceType: 'audit-chain',
    resourceId: actor.practiceId,
    outcome: 'success',
    detail: { ok: report.ok, checked: report.checked },
  });
  return report;
}
