import type * as Contract from '@throughline/contracts';
import type { BriefLastSession, SupervisionPart } from '@throughline/contracts';
import type { AccessContext } from '../access';
import { listHomeworkSince, listOpenThreads } from '../carry-forward';
import { loadBeforeThisEpisode } from '../ending-summary';
import { loadGoals, loadToDiscuss } from '../goals';
import { loadBriefAlerts, loadBriefMeasures } from '../measures';
import { findLatestNotes, notePurpose } from '../notes';
import { loadBriefReadiness } from '../readiness';
import type { Executor } from '../shared/transaction';
import { type Milestone, milestones } from './milestones';

/**
 * The brief is a list of sections, each loaded by a provider from the scope the brief resolved
 * once (episode, session, last attended session). A later module adds a section — messages since
 * the last session, score changes, alerts, goals — by writing a provider and appending it to
 * SECTIONS (and its shape to the route's response schema); the brief itself does not change.
 * A provider returns null when it has nothing to say, and a section that does not exist yet is
 * simply absent: no placeholders, no fake data.
 *
 * Rules for providers: at most one query each, decrypt in memory (no query per row), never
 * read psychotherapy notes, never log or audit clinical text.
 */
export type BriefScope = {
  /** The brief's transaction (the audit event of the read commits with it). */
  db: Executor;
  /** Whether the caller may read this part of the episode (a supervisor: what consent shares). */
  reads: (part: SupervisionPart) => boolean;
  practiceId: string;
  episodeId: string;
  /** How the reader relates to the episode (its therapist, a supervisor, a designee). */
  relation: string;
  /** The episode this one follows, when the client returned (issue 11). */
  previousEpisodeId: string | null;
  phase: string;
  openedAt: Date;
  appointment: { id: string; startsAt: Date } | null;
  lastAttended: { id: string; startsAt: Date } | null;
  attendedBefore: number;
  lastScheduledAt: Date | null;
  /** The brief's session start, or now when it has none: "before" means before this. */
  reference: Date;
};

export type SectionProvider<K extends string, T> = {
  key: K;
  load: (ctx: AccessContext, scope: BriefScope) => Promise<T | null>;
};

const section = <K extends string, T>(
  key: K,
  load: (ctx: AccessContext, scope: BriefScope) => Promise<T | null>,
): SectionProvider<K, T> => ({ key, load });

const decrypt = (ctx: AccessContext, scope: BriefScope, sealed: string, purpose: string) =>
  ctx.services.keyring.decrypt(scope.db, scope.practiceId, sealed, purpose);

export type LastSession = BriefLastSession;

const lastSession = section('lastSession', async (ctx, scope): Promise<LastSession | null> => {
  const rows = await findLatestNotes(scope.db, scope.practiceId, scope.episodeId, scope.reference);
  const latest = rows.find((r) => r.which === 'latest');
  const signed = rows.find((r) => r.which === 'signed');
  if (!latest && !scope.lastAttended) return null;
  let planForNext: string | null = null;
  if (signed) {
    const body = JSON.parse(await decrypt(ctx, scope, signed.body, notePurpose.body(signed.id)));
    planForNext = typeof body?.planForNext === 'string' ? body.planForNext : null;
  }
  return {
    appointmentId: scope.lastAttended?.id ?? null,
    startsAt: scope.lastAttended?.startsAt ?? null,
    noteId: signed?.id ?? null,
    noteStatus: latest?.status ?? 'none',
    planForNext,
    unsignedNoteId: latest?.status === 'draft' ? latest.id : null,
  };
});

export type BriefThread = Contract.BriefThread;

const openThreads = section(
  'openThreads',
  (ctx, scope): Promise<BriefThread[]> => listOpenThreads(scope.db, ctx.services.keyring, scope),
);

export type BriefHomework = Contract.BriefHomework;

/** Open homework and what was completed since the last session, with the client's comment. */
const homework = section(
  'homework',
  (ctx, scope): Promise<BriefHomework[]> =>
    listHomeworkSince(scope.db, ctx.services.keyring, {
      practiceId: scope.practiceId,
      episodeId: scope.episodeId,
      since: scope.lastAttended?.startsAt ?? null,
    }),
);

/** No query: derived from the scope. */
const milestonesSection = section(
  'milestones',
  async (_ctx, scope): Promise<Milestone[] | null> => {
    const found = milestones({
      phase: scope.phase,
      openedAt: scope.openedAt,
      attendedBefore: scope.attendedBefore,
      reference: scope.reference,
      lastScheduledAt: scope.lastScheduledAt,
    });
    return found.length > 0 ? found : null;
  },
);

/** "To discuss next session" items still open (goals module, issue 4). */
const toDiscuss = section('toDiscuss', loadToDiscuss);

/** Active goals with their latest review level and the client's latest rating (issue 4). */
const goalsSection = section('goals', loadGoals);

export type BriefMeasure = Contract.BriefMeasure;

/** Per instrument: the latest score before the session, its band, and change (CLINICAL.md §2). */
const measures = section('measures', loadBriefMeasures);

/** Open alerts of the episode, urgent first, each with its rule and explanation. */
const alertsSection = section('alerts', loadBriefAlerts);

/** "Consider a readiness review", when the rule suggests one (issue 11). */
const readinessSection = section('readiness', loadBriefReadiness);
/** A returning client: how the previous episode with this therapist ended (issue 11). */
const beforeThisEpisode = section('beforeThisEpisode', loadBeforeThisEpisode);

/** Every section of the brief, in display order. Append new providers here. */
export const SECTIONS = [
  lastSession,
  openThreads,
  homework,
  milestonesSection,
  measures,
  alertsSection,
  toDiscuss,
  goalsSection,
  readinessSection,
  beforeThisEpisode,
] as const;

type Provider = (typeof SECTIONS)[number];

/** Sections that belong to a part a supervision consent may or may not share (notes: the brief). */
const PART_OF: Partial<Record<Provider['key'], SupervisionPart>> = {
  measures: 'scores',
  alerts: 'scores',
  toDiscuss: 'goals',
  goals: 'goals',
  readiness: 'scores',
};
/** Every provider's answer by key; read-brief checks it against the contract's `Brief`. */
export type BriefSections = {
  [P in Provider as P['key']]?: NonNullable<Awaited<ReturnType<P['load']>>>;
};

/**
 * Loads every section, in order, on the brief's transaction. They are not started concurrently:
 * one transaction is one connection, and node-postgres runs a connection's queries one at a time
 * anyway (overlapping them is deprecated in pg 8 and removed in pg 9), while the transaction is
 * what keeps the read and its audit event atomic (ARCHITECTURE.md). Each provider costs at most
 * one round trip whatever the length of the history, so the brief's cost stays constant.
 */
export async function loadSections(ctx: AccessContext, scope: BriefScope): Promise<BriefSections> {
  const loaded: Record<string, unknown> = {};
  for (const provider of SECTIONS) {
    const part = PART_OF[provider.key];
    if (part && !scope.reads(part)) continue;
    const data = await provider.load(ctx, scope);
    if (data !== null) loaded[provider.key] = data;
  }
  return loaded as BriefSections;
}
