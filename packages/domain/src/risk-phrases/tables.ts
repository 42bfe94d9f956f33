import type { PracticeRiskLanguage } from '@throughline/clinical';
import {
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/tables';

/**
 * A practice's changes to the risk-language phrase lists (issue 10), one row per saved version:
 * per language the phrases and negation words it adds and the shipped phrases it switched off,
 * with the reason. Rows are never changed; the newest version is the one the screen uses, and an
 * alert names the version that matched. The lists are the practice's settings, no client data,
 * so they are stored readable (docs/boundaries.md).
 */
export const riskPhraseLists = pgTable(
  'risk_phrase_lists',
  {
    practiceId: uuid('practice_id').notNull(),
    version: integer('version').notNull(),
    languages: jsonb('languages').$type<PracticeRiskLanguage[]>().notNull(),
    savedBy: uuid('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.version] }),
    foreignKey({
      columns: [t.practiceId, t.savedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
  ],
);
