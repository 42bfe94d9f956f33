import type { Database } from '@throughline/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type Executor, inTransaction } from '../shared/transaction';
import { chainHash, GENESIS_HASH } from './hash';
import { auditChainHeads, auditEvents } from './tables';

const BATCH = 500;

async function sealPractice(tx: Executor, practiceId: string): Promise<number> {
  // Only the sealer takes this lock; requests never wait for it.
  await tx
    .insert(auditChainHeads)
    .values({ practiceId, lastSeq: 0n, lastHash: GENESIS_HASH })
    .onConflictDoNothing();
  const [head] = await tx
    .select()
    .from(auditChainHeads)
    .where(eq(auditChainHeads.practiceId, practiceId))
    .for('update');
  if (!head) return 0;
  const pending = await tx
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.practiceId, practiceId), isNull(auditEvents.seq)))
    .orderBy(asc(auditEvents.id))
    .limit(BATCH);
  let seq = head.lastSeq;
  let prevHash = head.lastHash;
  for (const event of pending) {
    seq += 1n;
    const hash = chainHash(prevHash, { ...event, seq });
    await tx.update(auditEvents).set({ seq, prevHash, hash }).where(eq(auditEvents.id, event.id));
    prevHash = hash;
  }
  if (pending.length > 0) {
    await tx
      .update(auditChainHeads)
      .set({ lastSeq: seq, lastHash: prevHash, sealedAt: sql`now()` })
      .where(eq(auditChainHeads.practiceId, practiceId));
  }
  return pending.length;
}

/** Seals every unsealed event of every practice; returns how many were sealed. */
export async function sealAuditEvents(db: Database): Promise<number> {
  const practices = await db
    .selectDistinct({ practiceId: auditEvents.practiceId })
    .from(auditEvents)
    .where(isNull(auditEvents.seq));
  let sealed = 0;
  for (const { practiceId } of practices) {
    while (true) {
      const count = await inTransaction(db, (tx) => sealPractice(tx, practiceId));
      sealed += count;
      if (count < BATCH) break;
    }
  }
  return sealed;
}
