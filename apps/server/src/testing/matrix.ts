import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import type { Harness } from './harness';
import type { RelationKit } from './relations';

/**
 * The authorization matrix: every /api/v1 route × every kind of caller → the exact status.
 * Each module keeps its rows in `src/matrix/<module>.matrix.ts`; `authorization-matrix.int.test.ts`
 * runs them all and fails when a served route has no row.
 */
export const ACTORS = [
  'anonymous',
  'client',
  'otherClient',
  'therapist',
  'otherTherapist',
  'supervisor',
  'admin',
  'otherPracticeAdmin',
] as const;
export type ActorKey = (typeof ACTORS)[number];
export type Signed = Exclude<ActorKey, 'anonymous'>;

/** One status per actor, in the column order of ACTORS. */
export const statuses = (...s: number[]): Record<ActorKey, number> =>
  Object.fromEntries(ACTORS.map((a, i) => [a, s[i]])) as Record<ActorKey, number>;

export type MatrixRow = {
  /** Method and path exactly as registered, e.g. `GET /api/v1/episodes/:id`. */
  route: `${HTTPMethods} /api/v1/${string}`;
  /** What is being asked, when one route has several rows. */
  note?: string;
  url?: (who: ActorKey) => string;
  /** A JSON body. */
  body?: (who: ActorKey) => unknown | Promise<unknown>;
  /** A raw body with its headers (multipart uploads). */
  raw?: (who: ActorKey) => { payload: string | Buffer; headers: Record<string, string> };
  /** Actors asked last (the owner of a record, so the others meet it still in place). */
  last?: ActorKey;
  expect: Record<ActorKey, number>;
  /** The row ends the callers' sessions: everyone signs in again after it. */
  endsSessions?: boolean;
  after?: (who: ActorKey, response: LightMyRequestResponse) => void;
};

/** The moment of the test clock; setup code that needs "now" should use it. */
export type MatrixContext = { h: Harness; now: () => Date };

/**
 * How a caller stands to an episode beyond the cast (issue 10): a supervisor of its therapist with
 * the client's live supervision consent, without one, and after the client withdrew it; the
 * colleague the therapist named to cover, before the cover starts, during it, after it ends, and
 * during the dates of a cover that was cancelled. The runner moves the test clock for the cover
 * states (`testing/relations.ts` builds the episodes).
 */
export const RELATION_STATES = [
  'supervisorWithConsent',
  'supervisorWithoutConsent',
  'supervisorAfterWithdrawal',
  'designeeBeforeCover',
  'designeeDuringCover',
  'designeeCoverCancelled',
  'designeeAfterCover',
] as const;
export type RelationState = (typeof RELATION_STATES)[number];

/**
 * What a relation row expects: a status, or for a list, `listed` (200 and the state's episode is
 * in it) or `unlisted` (200 without it).
 */
export type Outcome = number | 'listed' | 'unlisted';

/** One outcome per relation state, in the order of RELATION_STATES. */
export const outcomes = (...o: Outcome[]): Record<RelationState, Outcome> =>
  Object.fromEntries(RELATION_STATES.map((s, i) => [s, o[i]])) as Record<RelationState, Outcome>;

/** A route asked of the episode (and its records) of each relation state. */
export type RelationRow = {
  route: MatrixRow['route'];
  note?: string;
  url: (kit: RelationKit) => string;
  body?: (kit: RelationKit) => unknown;
  raw?: () => { payload: string | Buffer; headers: Record<string, string> };
  /** For a list: whether the response (200) shows the kit's episode. */
  lists?: (json: unknown, kit: RelationKit) => boolean;
  expect: Record<RelationState, Outcome>;
};

export type ModuleMatrix = {
  name: string;
  /** Creates the records the rows refer to (through use-cases), before any row runs. */
  setup?: (ctx: MatrixContext) => Promise<void>;
  rows: () => MatrixRow[];
  /** Route × relation state → outcome, for the routes that touch an episode (issue 10). */
  relations?: () => RelationRow[];
};
