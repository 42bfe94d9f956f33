import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { riskPhraseLists } from './tables';

export type RiskPhraseListRow = typeof riskPhraseLists.$inferSelect;

/** The practice's newest saved version, if it saved one. */
export async function latestRiskPhraseList(
  db: Executor,
  practiceId: string,
): Promise<RiskPhraseListRow | undefined> {
  const [row] = await db
    .select()
    .from(riskPhraseLists)
    .where(eq(riskPhraseLists.practiceId, practiceId))
    .orderBy(desc(riskPhraseLists.version))
    .limit(1);
  return row;
}

/** Saves of one practice's lists take turns (the lock ends with the transaction). */
export async function lockRiskPhraseLists(db: Executor, practiceId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`risk-phrases:${practiceId}`}))`);
}

export async function insertRiskPhraseList(db: Executor, row: RiskPhraseListRow): Promise<void> {
  await db.insert(riskPhraseLists).values(row);
}
