import type * as Contract from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import type { AccessContext } from '../access';
import type { BriefScope } from '../brief';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';
import { type DiscussionItemView, toDiscussionItemView } from './discussion-items';
import { listOpenDiscussionItems } from './repository';
import { goalClientRatings, goalReviewRatings, goalReviews, goals } from './tables';
import { discussionTextPurpose, goalPurpose, ratingCommentPurpose } from './views';

/** Brief section loaders (see brief/sections.ts): one query each, decryption in memory. */

const open = (ctx: AccessContext, scope: BriefScope, sealed: string, purpose: string) =>
  ctx.services.keyring.decrypt(scope.db, scope.practiceId, sealed, purpose);

/** Open "to discuss next session" items, oldest first. */
export async function loadToDiscuss(
  ctx: AccessContext,
  scope: BriefScope,
): Promise<DiscussionItemView[] | null> {
  const rows = await listOpenDiscussionItems(scope.db, scope.practiceId, scope.episodeId);
  if (rows.length === 0) return null;
  return Promise.all(
    rows.map(async (r) =>
      toDiscussionItemView(r, await open(ctx, scope, r.text, discussionTextPurpose(r.id))),
    ),
  );
}

export type BriefGoal = Contract.BriefGoal;

type GoalHead = {
  id: string;
  client_words: string;
  therapist_words: string;
  review_level: number | null;
  reviewed_at: string | null;
  rating_id: string | null;
  rating_level: number | null;
  rating_comment: string | null;
  rated_at: string | null;
};

/** Active goals with the latest review level and the client's latest rating, in one query. */
export async function loadGoals(
  ctx: AccessContext,
  scope: BriefScope,
): Promise<BriefGoal[] | null> {
  const result = await scope.db.execute<Raw<GoalHead>>(sql`
    SELECT g.id, g.client_words, g.therapist_words,
           rv.level AS review_level, rv.reviewed_at,
           cr.id AS rating_id, cr.level AS rating_level, cr.comment AS rating_comment,
           cr.created_at AS rated_at
      FROM ${goals} g
      LEFT JOIN LATERAL (
        SELECT rr.level, r.reviewed_at FROM ${goalReviewRatings} rr
          JOIN ${goalReviews} r ON r.practice_id = rr.practice_id AND r.id = rr.review_id
         WHERE rr.practice_id = g.practice_id AND rr.goal_id = g.id
         ORDER BY r.reviewed_at DESC LIMIT 1) rv ON true
      LEFT JOIN LATERAL (
        SELECT c.id, c.level, c.comment, c.created_at FROM ${goalClientRatings} c
         WHERE c.practice_id = g.practice_id AND c.goal_id = g.id
         ORDER BY c.created_at DESC LIMIT 1) cr ON true
     WHERE g.practice_id = ${scope.practiceId} AND g.episode_id = ${scope.episodeId}
       AND g.status = 'active'
     ORDER BY g.created_at, g.id`);
  if (result.rows.length === 0) return null;
  return Promise.all(
    result.rows.map(async (r) => ({
      id: r.id,
      clientWords: await open(ctx, scope, r.client_words, goalPurpose(r.id, 'client-words')),
      therapistWords: await open(
        ctx,
        scope,
        r.therapist_words,
        goalPurpose(r.id, 'therapist-words'),
      ),
      latestReview:
        r.review_level !== null && r.reviewed_at
          ? { level: Number(r.review_level), reviewedAt: fromPg(r.reviewed_at) }
          : null,
      latestClientRating:
        r.rating_id && r.rating_level !== null && r.rated_at
          ? {
              level: Number(r.rating_level),
              comment: r.rating_comment
                ? await open(ctx, scope, r.rating_comment, ratingCommentPurpose(r.rating_id))
                : null,
              ratedAt: fromPg(r.rated_at),
            }
          : null,
    })),
  );
}

/**
 * For the readiness suggestion (issue 11): each goal's status and its level at the latest review
 * that rated it, no text (nothing to decrypt). One query.
 */
export async function loadGoalLevels(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<{ status: 'active' | 'achieved' | 'discontinued'; latestLevel: number | null }[]> {
  const result = await db.execute<{ status: string; level: number | null }>(sql`
    SELECT g.status, rv.level FROM ${goals} g
      LEFT JOIN LATERAL (
        SELECT rr.level FROM ${goalReviewRatings} rr
          JOIN ${goalReviews} r ON r.practice_id = rr.practice_id AND r.id = rr.review_id
         WHERE rr.practice_id = g.practice_id AND rr.goal_id = g.id
         ORDER BY r.reviewed_at DESC LIMIT 1) rv ON true
     WHERE g.practice_id = ${practiceId} AND g.episode_id = ${episodeId}`);
  return result.rows.map((r) => ({
    status: r.status as 'active' | 'achieved' | 'discontinued',
    latestLevel: r.level === null ? null : Number(r.level),
  }));
}
