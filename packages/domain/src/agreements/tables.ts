import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

/** The kinds of agreement; `shared-plan` today, the others are built on it in the next issues. */
export const AGREEMENT_KINDS = [
  'shared-plan',
  'contact-agreement',
  'ending-plan',
  'check-in-consent',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** The named parties of an episode who can be asked to agree. */
export const AGREEMENT_PARTIES = ['therapist', 'client'] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];

/** One agreement of a kind per episode; what is agreed lives in its versions. */
export const agreements = pgTable(
  'agreements',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    kind: text('kind', { enum: AGREEMENT_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('agreements_episode_kind_uq').on(t.practiceId, t.episodeId, t.kind),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
  ],
);

/**
 * A proposed version of an agreement. A newer version supersedes it (`superseded_at`); its
 * content is encrypted JSON with a `v` field. `subject_id` names the record the version is about
 * when there is one (for `shared-plan`, the treatment plan version that was shared).
 */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    /** Encrypted JSON `{ v: 1, … }`, shape per kind. */
    content: text('content').notNull(),
    subjectId: uuid('subject_id'),
    proposedBy: uuid('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('agreement_versions_version_uq').on(t.practiceId, t.agreementId, t.version),
    foreignKey({
      columns: [t.practiceId, t.agreementId],
      foreignColumns: [agreements.practiceId, agreements.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.proposedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('agreement_versions_subject_idx').on(t.practiceId, t.subjectId),
  ],
);

/**
 * A required party of a version and their answer: who answered and when is kept. The proposer's
 * row is written as accepted when the version is proposed.
 */
export const agreementResponses = pgTable(
  'agreement_responses',
  {
    practiceId: uuid('practice_id').notNull(),
    versionId: uuid('version_id').notNull(),
    party: text('party', { enum: AGREEMENT_PARTIES }).notNull(),
    response: text('response', { enum: ['pending', 'accepted', 'declined'] })
      .notNull()
      .default('pending'),
    respondedBy: uuid('responded_by'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.versionId, t.party] }),
    foreignKey({
      columns: [t.practiceId, t.versionId],
      foreignColumns: [agreementVersions.practiceId, agreementVersions.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.respondedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
  ],
);
