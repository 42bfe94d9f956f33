import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { practices, users } from '../identity/tables';

/** A person receiving care (FHIR Patient). Their portal login, once accepted, is `userId`. */
export const clients = pgTable(
  'clients',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull(),
    /** The therapist responsible; episodes (a later module) refine who sees what. */
    therapistId: uuid('therapist_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({ columns: [t.practiceId, t.userId], foreignColumns: [users.practiceId, users.id] }),
    foreignKey({
      columns: [t.practiceId, t.therapistId],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('clients_therapist_idx').on(t.practiceId, t.therapistId, t.createdAt),
  ],
);
