import {
  clientBandWords,
  findInstrument,
  type InstrumentDefinition,
  instrumentShortName,
} from '@throughline/clinical';
import type * as Contract from '@throughline/contracts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { type AccessContext, episodesAbout, performOnEpisode, signedIn } from '../access';
import { recordAudit } from '../audit';
import { episodes } from '../episodes/tables';
import { AppError } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';
import { byInstrument } from './list-scores';
import { listByEpisode } from './repository';
import { progressShares } from './tables';
import type { ResponseRow } from './views';

/** What is shared with the client: `all` instruments, or the listed ones. */
export type ProgressSharing = Contract.ProgressSharing;

export async function activeShares(db: Executor, practiceId: string, episodeIds: string[]) {
  if (episodeIds.length === 0) return [];
  return db
    .select()
    .from(progressShares)
    .where(
      and(
        eq(progressShares.practiceId, practiceId),
        inArray(progressShares.episodeId, episodeIds),
        isNull(progressShares.revokedAt),
      ),
    )
    .orderBy(asc(progressShares.sharedAt));
}

export function sharingOf(rows: { instrument: string | null }[]): ProgressSharing['shared'] {
  if (rows.length === 0) return null;
  if (rows.some((r) => r.instrument === null)) return 'all';
  return [...new Set(rows.map((r) => r.instrument as string))];
}

/**
 * Shares the episode's progress with the client: the listed instruments, or all of them. Sharing
 * again adds to what is shared (an instrument already shared is not repeated). Therapist only.
 */
export async function shareProgress(
  ctx: AccessContext,
  episodeId: string,
  input: { instruments?: string[] | undefined } = {},
): Promise<ProgressSharing> {
  const unknown = (input.instruments ?? []).filter((k) => !findInstrument(k));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', `Unknown instrument: ${unknown.join(', ')}.`);
  return performOnEpisode(ctx, 'progress.share', episodeId, async (tx, step) => {
    const { actor } = step;
    const current = await activeShares(tx, actor.practiceId, [episodeId]);
    const wanted: (string | null)[] =
      input.instruments && input.instruments.length > 0 ? [...new Set(input.instruments)] : [null];
    const covered = new Set(current.map((r) => r.instrument));
    const fresh = covered.has(null) ? [] : wanted.filter((k) => !covered.has(k));
    const now = ctx.services.now();
    if (fresh.length > 0)
      await tx.insert(progressShares).values(
        fresh.map((instrument) => ({
          practiceId: actor.practiceId,
          episodeId,
          instrument,
          sharedBy: actor.userId,
          sharedAt: now,
        })),
      );
    step.audit({
      resourceType: 'episode',
      resourceId: episodeId,
      detail: { instruments: wanted.map((k) => k ?? 'all').join(','), added: fresh.length },
    });
    return {
      episodeId,
      shared: sharingOf([...current, ...fresh.map((instrument) => ({ instrument }))]),
    };
  });
}

/** Stops sharing the episode's progress with the client (every instrument). Therapist only. */
export async function unshareProgress(
  ctx: AccessContext,
  episodeId: string,
): Promise<ProgressSharing> {
  return performOnEpisode(ctx, 'progress.unshare', episodeId, async (tx, step) => {
    const { actor } = step;
    const revoked = await tx
      .update(progressShares)
      .set({ revokedAt: ctx.services.now() })
      .where(
        and(
          eq(progressShares.practiceId, actor.practiceId),
          eq(progressShares.episodeId, episodeId),
          isNull(progressShares.revokedAt),
        ),
      )
      .returning({ id: progressShares.id });
    step.audit({
      resourceType: 'episode',
      resourceId: episodeId,
      detail: { revoked: revoked.length },
    });
    return { episodeId, shared: null };
  });
}

export type PortalProgressPoint = Contract.PortalProgressPoint;

export type PortalProgressItem = Contract.PortalProgressItem;

/**
 * One calm, non-diagnostic sentence about first → latest. "Real" change means at least the
 * published reliable-change value (CLINICAL.md §2), in the instrument's own direction.
 */
export function progressSentence(d: InstrumentDefinition, first: number, latest: number): string {
  const name = `Your ${instrumentShortName(d)} score`;
  const rc = d.reliableChange;
  const scale = (n: number) =>
    rc?.on === 'percentage' ? n * (d.scoring.percentageMultiplier ?? 1) : n;
  const change = scale(latest) - scale(first);
  const better = d.direction === 'higher-is-better' ? change : -change;
  const moved =
    first === latest
      ? `has stayed at ${first} since you started`
      : `has gone from ${first} to ${latest} since you started`;
  if (!rc) return `${name} ${moved}. Your therapist can talk through what this means with you.`;
  if (better >= rc.value)
    return `${name} ${moved} — a change large enough to count as a real improvement.`;
  if (-better >= rc.value)
    return `${name} is ${latest > first ? 'higher' : 'lower'} than when you started (${first}, now ${latest}); your therapist will talk this through with you.`;
  return `${name} ${moved} — no clear change yet.`;
}

function itemOf(instrument: string, rows: ResponseRow[]): PortalProgressItem | null {
  const first = rows[0];
  const latest = rows.at(-1);
  // Only validated shipped instruments are shown to the client (a practice's own are not).
  const d = findInstrument(instrument);
  if (!first || !latest || !d?.validated) return null;
  const point = (r: ResponseRow): PortalProgressPoint => ({
    score: r.total,
    band: clientBandWords(r.band),
    at: r.completedAt,
  });
  return {
    instrument,
    title: instrumentShortName(d),
    first: point(first),
    latest: point(latest),
    sentence:
      rows.length === 1
        ? `Your ${instrumentShortName(d)} score was ${first.total} when you started; there is nothing to compare it with yet.`
        : progressSentence(d, first.total, latest.total),
  };
}

/** The client's own progress, in plain words, for what their therapist has shared. */
export async function readPortalProgress(
  ctx: AccessContext,
): Promise<{ items: PortalProgressItem[] }> {
  const actor = signedIn(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    const items: PortalProgressItem[] = [];
    // Episodes about the caller: a client's own; nobody else's portal has any.
    const visible = await tx
      .select({ id: episodes.id })
      .from(episodes)
      .where(episodesAbout(actor))
      .orderBy(asc(episodes.openedAt));
    const shares = await activeShares(
      tx,
      actor.practiceId,
      visible.map((e) => e.id),
    );
    for (const { id } of visible) {
      const shared = sharingOf(shares.filter((s) => s.episodeId === id));
      if (!shared) continue;
      const rows = await listByEpisode(tx, actor.practiceId, id);
      for (const [key, group] of byInstrument(rows)) {
        if (shared !== 'all' && !shared.includes(key)) continue;
        const item = itemOf(key, group);
        if (item) items.push(item);
      }
    }
    await recordAudit(tx, ctx, {
      action: 'progress.read',
      resourceType: 'portal',
      outcome: 'success',
      detail: { count: items.length },
    });
    return { items };
  });
}
