import { SUPERVISION_PARTS, type SupervisionPart } from '@throughline/contracts';
import { and, desc, eq, gt, isNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import { clients } from '../clients/tables';
import { consentDocuments, consentSignatures } from '../consent/tables';
import { episodeEndings, episodes } from '../episodes/tables';
import type { Executor } from '../shared/transaction';
import { coverArrangements, coverEpisodes, supervisionAssignments } from '../supervision/tables';
import type { SignedIn } from './actor';

export type EpisodeRow = typeof episodes.$inferSelect;

/**
 * How a caller stands to an episode. This is the one place that decides it:
 *
 * - `therapist` — the therapist of the episode; `client` — the client it is about (the parties);
 * - `supervisor` — a supervisor the practice assigned to the episode's therapist, while the
 *   client's supervision consent is live, for the parts that consent names;
 * - `designee` — a therapist covering for the episode's therapist, while the cover named this
 *   episode and the clock is inside its dates (APA 3.12, 10.09).
 *
 * Every action then admits a relation where the policy's `who` names it (perform.ts).
 */
export type Relation = 'therapist' | 'client' | 'supervisor' | 'designee';

/** What a grant-based relation carries: what it shares, until when. */
export type Grant =
  | { kind: 'supervision'; shares: readonly SupervisionPart[]; signatureId: string }
  | { kind: 'cover'; coverId: string; until: Date }
  /** Responsible after the therapist's death or incapacity (the recorded ending names them). */
  | { kind: 'successor'; endingId: string };

/**
 * Which episodes an actor may see, as a SQL predicate every module's queries carry: the therapist
 * of the episode, the client it is about (client-visible parts only — each action's policy
 * decides which relations may use it), and a supervisor's consented episodes. Cover is not here:
 * it depends on the clock, so `findVisibleEpisode` decides it per episode, for the few actions a
 * designee may take. Administrators see no clinical records. Default: nothing.
 */
export function episodesVisibleTo(actor: SignedIn): SQL {
  switch (roleRelation(actor)) {
    case 'therapist':
      return episodesTreatedBy(actor);
    case 'client':
      return episodesAbout(actor);
    case 'supervisor':
      return episodesSupervisedBy(actor);
    default:
      return sql`false`;
  }
}

/**
 * The episodes the actor treats (is the therapist of): the scope of therapist-only records —
 * notes, threads, alerts. A data predicate, not a role check: no one else's id is a therapist id.
 */
export function episodesTreatedBy(actor: SignedIn): SQL {
  return and(
    eq(episodes.practiceId, actor.practiceId),
    eq(episodes.therapistId, actor.userId),
  ) as SQL;
}

/** The episodes about the actor themself (the client): the scope of their portal records. */
export function episodesAbout(actor: SignedIn): SQL {
  return and(
    eq(episodes.practiceId, actor.practiceId),
    sql`${episodes.clientId} IN (SELECT ${clients.id} FROM ${clients} WHERE ${clients.practiceId} = ${actor.practiceId} AND ${clients.userId} = ${actor.userId})`,
  ) as SQL;
}

/**
 * The episodes of therapists the actor supervises whose client has a live supervision consent.
 * Read on every request, never cached: a withdrawal hides them at the next one.
 */
export function episodesSupervisedBy(actor: SignedIn): SQL {
  return and(
    eq(episodes.practiceId, actor.practiceId),
    sql`EXISTS (SELECT 1 FROM ${supervisionAssignments} sa
      WHERE sa.practice_id = ${episodes.practiceId} AND sa.therapist_id = ${episodes.therapistId}
        AND sa.supervisor_id = ${actor.userId} AND sa.ended_at IS NULL)`,
    sql`EXISTS (SELECT 1 FROM ${consentSignatures} cs
      WHERE cs.practice_id = ${episodes.practiceId} AND cs.client_id = ${episodes.clientId}
        AND cs.kind = 'supervision' AND cs.ended_at IS NULL)`,
  ) as SQL;
}

/**
 * Whether a cover arrangement is in effect at `at` (APA 3.12, 10.09): started, not yet ended, not
 * cancelled — so it ends at its end time without any job running. The one statement of the rule;
 * read models that show cover (the caseload, the brief, the portal) use it too.
 */
export function coverInEffectAt(at: Date): SQL {
  return and(
    isNull(coverArrangements.cancelledAt),
    lte(coverArrangements.startsAt, at),
    gt(coverArrangements.endsAt, at),
  ) as SQL;
}

/**
 * The cover arrangement (joined with its episode) makes the actor a designee of that episode at
 * `at`: given by the episode's own therapist, to this actor, in effect now.
 */
function coverGrants(actor: SignedIn, at: Date): SQL {
  return and(
    eq(coverArrangements.therapistId, episodes.therapistId),
    eq(coverArrangements.designeeId, actor.userId),
    coverInEffectAt(at),
  ) as SQL;
}

/**
 * The episodes the actor covers at `at` as a designee, as a predicate on `episodes` — for a read
 * model that lists them (the designee's caseload). The same rule as `findVisibleEpisode`.
 */
export function episodesCoveredBy(actor: SignedIn, at: Date): SQL {
  return and(
    eq(episodes.practiceId, actor.practiceId),
    sql`EXISTS (SELECT 1 FROM ${coverEpisodes} JOIN ${coverArrangements}
      ON ${coverArrangements.practiceId} = ${coverEpisodes.practiceId}
        AND ${coverArrangements.id} = ${coverEpisodes.coverId}
      WHERE ${coverEpisodes.practiceId} = ${episodes.practiceId}
        AND ${coverEpisodes.episodeId} = ${episodes.id} AND ${coverGrants(actor, at)})`,
  ) as SQL;
}

/**
 * The relation a signed-in user's role can give them to the episodes `episodesVisibleTo` admits
 * (the role-level admission of `perform`). A therapist may also be a designee of another
 * therapist's episode: that is decided per episode, with the clock, in `findVisibleEpisode`.
 */
export function relationOf(actor: SignedIn): Relation | undefined {
  return roleRelation(actor);
}

function roleRelation(actor: SignedIn): Relation | undefined {
  switch (actor.role) {
    case 'therapist':
      return 'therapist';
    case 'client':
      return 'client';
    case 'supervisor':
      return 'supervisor';
    default:
      return undefined;
  }
}

export type EpisodeAccess = {
  episode: EpisodeRow;
  /** How the actor relates to this episode. */
  as: Relation;
  /** The grant behind a supervisor's or designee's relation. */
  grant?: Grant;
};

/**
 * The episode if the actor may see it, with their relation to it; undefined otherwise (callers
 * answer 404). `at` is the request's clock (`services.now()`): cover holds while
 * `starts_at <= at < ends_at`, so it ends without any job running.
 */
export async function findVisibleEpisode(
  db: Executor,
  actor: SignedIn,
  episodeId: string,
  at: Date,
): Promise<EpisodeAccess | undefined> {
  const as = roleRelation(actor);
  if (!as) return undefined;
  if (as === 'supervisor') return findSupervised(db, actor, episodeId);
  const [episode] = await db
    .select()
    .from(episodes)
    .where(and(episodesVisibleTo(actor), eq(episodes.id, episodeId)));
  if (episode) return { episode, as };
  if (as !== 'therapist') return undefined;
  return (
    (await findCovered(db, actor, episodeId, at)) ?? (await findSucceeded(db, actor, episodeId))
  );
}

/**
 * After the death or incapacity of an episode's therapist, the designee the ending names as
 * responsible reads the episode as cover does, with no end date (APA 3.12, 10.09; ACA A.11).
 */
async function findSucceeded(
  db: Executor,
  actor: SignedIn,
  episodeId: string,
): Promise<EpisodeAccess | undefined> {
  const [row] = await db
    .select({ episode: episodes, endingId: episodeEndings.id })
    .from(episodes)
    .innerJoin(
      episodeEndings,
      and(
        eq(episodeEndings.practiceId, episodes.practiceId),
        eq(episodeEndings.episodeId, episodes.id),
        eq(episodeEndings.kind, 'death-or-incapacity'),
        eq(episodeEndings.responsibleId, actor.userId),
        ne(episodes.therapistId, actor.userId),
      ),
    )
    .where(and(eq(episodes.practiceId, actor.practiceId), eq(episodes.id, episodeId)));
  if (!row) return undefined;
  return {
    episode: row.episode,
    as: 'designee',
    grant: { kind: 'successor', endingId: row.endingId },
  };
}

/**
 * The designee of the cover arrangement in effect for an episode at `at`, else of the most recent
 * one that started (not cancelled): who answers for the episode if its therapist dies or becomes
 * incapacitated. Undefined when the therapist never arranged cover for it.
 */
export async function findCoverDesignee(
  db: Executor,
  episode: { practiceId: string; id: string; therapistId: string },
  at: Date,
): Promise<string | undefined> {
  const [row] = await db
    .select({ designeeId: coverArrangements.designeeId })
    .from(coverArrangements)
    .innerJoin(
      coverEpisodes,
      and(
        eq(coverEpisodes.practiceId, coverArrangements.practiceId),
        eq(coverEpisodes.coverId, coverArrangements.id),
        eq(coverEpisodes.episodeId, episode.id),
      ),
    )
    .where(
      and(
        eq(coverArrangements.practiceId, episode.practiceId),
        eq(coverArrangements.therapistId, episode.therapistId),
        isNull(coverArrangements.cancelledAt),
        lte(coverArrangements.startsAt, at),
      ),
    )
    // In effect first (ends after `at`), then the latest to end.
    .orderBy(
      desc(sql`${coverArrangements.endsAt} > ${at.toISOString()}::timestamptz`),
      desc(coverArrangements.endsAt),
    )
    .limit(1);
  return row?.designeeId;
}

async function findSupervised(
  db: Executor,
  actor: SignedIn,
  episodeId: string,
): Promise<EpisodeAccess | undefined> {
  const [row] = await db
    .select({
      episode: episodes,
      signatureId: consentSignatures.id,
      shares: consentDocuments.shares,
    })
    .from(episodes)
    .innerJoin(
      consentSignatures,
      and(
        eq(consentSignatures.practiceId, episodes.practiceId),
        eq(consentSignatures.clientId, episodes.clientId),
        eq(consentSignatures.kind, 'supervision'),
        isNull(consentSignatures.endedAt),
      ),
    )
    .innerJoin(
      consentDocuments,
      and(
        eq(consentDocuments.practiceId, consentSignatures.practiceId),
        eq(consentDocuments.id, consentSignatures.documentId),
      ),
    )
    .where(and(episodesSupervisedBy(actor), eq(episodes.id, episodeId)));
  if (!row) return undefined;
  const shares = row.shares.filter(isPart);
  return {
    episode: row.episode,
    as: 'supervisor',
    grant: { kind: 'supervision', shares, signatureId: row.signatureId },
  };
}

async function findCovered(
  db: Executor,
  actor: SignedIn,
  episodeId: string,
  at: Date,
): Promise<EpisodeAccess | undefined> {
  const [row] = await db
    .select({ episode: episodes, coverId: coverArrangements.id, until: coverArrangements.endsAt })
    .from(episodes)
    .innerJoin(
      coverEpisodes,
      and(
        eq(coverEpisodes.practiceId, episodes.practiceId),
        eq(coverEpisodes.episodeId, episodes.id),
      ),
    )
    .innerJoin(
      coverArrangements,
      and(
        eq(coverArrangements.practiceId, coverEpisodes.practiceId),
        eq(coverArrangements.id, coverEpisodes.coverId),
        coverGrants(actor, at),
      ),
    )
    .where(and(eq(episodes.practiceId, actor.practiceId), eq(episodes.id, episodeId)))
    .limit(1);
  if (!row) return undefined;
  return {
    episode: row.episode,
    as: 'designee',
    grant: { kind: 'cover', coverId: row.coverId, until: row.until },
  };
}

function isPart(value: string): value is SupervisionPart {
  return (SUPERVISION_PARTS as readonly string[]).includes(value);
}

/** The client an episode is about (for naming the subject of an audit event); no scope check. */
export async function clientOfEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ clientId: episodes.clientId })
    .from(episodes)
    .where(and(eq(episodes.practiceId, practiceId), eq(episodes.id, episodeId)));
  return row?.clientId;
}
