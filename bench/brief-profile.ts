import type { Services } from '@throughline/domain';
import { sql } from 'drizzle-orm';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** BENCH_PROFILE=1: where a brief's time goes, one request at a time. */
export async function profile(
  services: Services,
  practiceId: string,
  therapistId: string,
  episodeId: string,
): Promise<void> {
  const { actingAs } = await import('../apps/server/src/operator');
  const { readBrief } = await import('@throughline/domain');
  const ctx = actingAs(services, { id: therapistId, practiceId, role: 'therapist' });
  const time = async (label: string, work: () => Promise<unknown>): Promise<void> => {
    await work();
    const start = performance.now();
    for (let i = 0; i < 50; i++) await work();
    log(`${label}: ${((performance.now() - start) / 50).toFixed(2)} ms`);
  };
  await time('SELECT 1', () => services.db.execute(sql`SELECT 1`));
  await time('empty transaction with one insert', () =>
    services.db.transaction((tx) =>
      tx.execute(sql`INSERT INTO audit_events (practice_id, action, resource_type, outcome, request_id)
        VALUES (${practiceId}::uuid, 'bench', 'bench', 'success', 'bench')`),
    ),
  );
  await time('readBrief (use-case, no HTTP)', () => readBrief(ctx, { episodeId }));
  const repo = await import('../packages/domain/src/brief/repository');
  const { findLatestNotes, listOpenThreads, listHomeworkSince } = await import(
    '@throughline/domain'
  );
  const { keyring } = services;
  const q = { practiceId, episodeId };
  const now = new Date();
  await time('scope', () => repo.findScope(services.db, practiceId, episodeId, undefined, now));
  await time('notes', () => findLatestNotes(services.db, practiceId, episodeId, now));
  await time('threads', () => listOpenThreads(services.db, keyring, q));
  await time('homework', () => listHomeworkSince(services.db, keyring, { ...q, since: now }));
}
