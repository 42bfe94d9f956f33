import {
  boolean,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
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
    /** Null until a client given a sign-up code chooses an e-mail (or never, with a user name). */
    email: text('email'),
    /** The therapist responsible; episodes refine who sees what. */
    therapistId: uuid('therapist_id').notNull(),
    preferredName: text('preferred_name'),
    pronouns: text('pronouns'),
    /** Encrypted, YYYY-MM-DD (no query needs it; see crypto/column-labels). */
    dateOfBirth: text('date_of_birth'),
    /** Where the client lives: sessions are shown to them in this zone. */
    timeZone: text('time_zone').notNull().default('UTC'),
    /** Encrypted, like the emergency contact's three parts. */
    phone: text('phone'),
    emergencyContactName: text('emergency_contact_name'),
    emergencyContactPhone: text('emergency_contact_phone'),
    emergencyContactRelationship: text('emergency_contact_relationship'),
    /** Safe-contact preferences (ETHICS.md): may we e-mail at all? */
    mayEmail: boolean('may_email').notNull().default(true),
    /** May an e-mail say more than "you have something new in your portal"? */
    emailMayIncludeDetails: boolean('email_may_include_details').notNull().default(false),
    remindersEnabled: boolean('reminders_enabled').notNull().default(true),
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
