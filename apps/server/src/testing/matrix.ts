import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import type { Harness } from './harness';

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

export type ModuleMatrix = {
  name: string;
  /** Creates the records the rows refer to (through use-cases), before any row runs. */
  setup?: (ctx: MatrixContext) => Promise<void>;
  rows: () => MatrixRow[];
};
