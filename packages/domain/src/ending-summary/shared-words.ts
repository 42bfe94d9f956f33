import type { EndingSummaryWords } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { findLatestShared } from './repository';
import { openSummary } from './views';

/**
 * The words of the version last shared with the client, or null before one is shared: for the
 * client's copy of their record (issue 12), inside a transaction the kernel admitted them to.
 */
export async function sharedSummaryWords(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string },
): Promise<{ sharedAt: Date | null; words: EndingSummaryWords } | null> {
  const row = await findLatestShared(tx, episode.practiceId, episode.id);
  if (!row) return null;
  const stored = await openSummary(tx, ctx, row);
  return { sharedAt: row.sharedAt, words: stored.words };
}
