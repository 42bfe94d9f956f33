import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['practice_admin', 'therapist', 'supervisor', 'client']);

/** The tenant (FHIR Organization). Every other tenant table carries practice_id. */
export const practices = pgTable('practices', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('UTC'),
  /** The practice's data key, AES-256-GCM wrapped by the master key. */
  wrappedDataKey: text('wrapped_data_key').notNull(),
  /** A second data key, only for psychotherapy notes (HIPAA 164.501 keeps them apart). */
  wrappedPsychotherapyKey: text('wrapped_psychotherapy_key'),
  /**
   * Measurement settings (versioned JSON, see measures/practice-settings.ts): enabled instruments
   * and the PCL-5 reliable-change value. Null means the shipped defaults.
   */
  measureSettings: jsonb('measure_settings').$type<Record<string, unknown>>(),
  /**
   * Contact settings (versioned JSON, see contact-settings/settings.ts): the crisis resources shown
   * to clients and the contact agreement's defaults. Null means the shipped defaults.
   */
  contactSettings: jsonb('contact_settings').$type<Record<string, unknown>>(),
  /**
   * A therapist reviews a client's copy of their record before it is released (issue 12; HIPAA
   * 164.524 allows up to 30 days). Off: the client downloads it at once.
   */
  copyReviewRequired: boolean('copy_review_required').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    /** Null for a client who joined with a sign-up code and chose a user name instead. */
    email: text('email'),
    /** A sign-in name chosen instead of an e-mail (a client who may not be e-mailed). */
    username: text('username'),
    displayName: text('display_name').notNull(),
    role: roleEnum('role').notNull(),
    /** argon2id; null until the invitation is accepted. */
    passwordHash: text('password_hash'),
    /** TOTP secret, encrypted with the practice data key. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: integer('totp_last_step'),
    /** Wrong passwords in the current window; see lockout.ts. */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    /** Stops new password sign-ins only; existing sessions and tokens keep working. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Wrong two-factor codes, counted per account apart from passwords (see lockout.ts). */
    failedTotpCodes: integer('failed_totp_codes').notNull().default(0),
    totpLockedUntil: timestamp('totp_locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    uniqueIndex('users_id_key').on(t.id),
    // Sign-in finds the account by e-mail alone; e-mail is unique across practices.
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session cookie value; the value itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    practiceId: uuid('practice_id').notNull(),
    userId: uuid('user_id').notNull(),
    csrfTokenHash: text('csrf_token_hash').notNull(),
    twoFactorVerified: boolean('two_factor_verified').notNull().default(false),
    /** TOTP secret being enrolled (encrypted), until confirmed with a code. */
    pendingTotpSecret: text('pending_totp_secret'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute expiry (12 h after creation); idle expiry is derived from lastSeenAt. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [
    foreignKey({ columns: [t.practiceId, t.userId], foreignColumns: [users.practiceId, users.id] }),
    index('sessions_user_idx').on(t.practiceId, t.userId),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    /** SHA-256 of the token; the token is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    foreignKey({ columns: [t.practiceId, t.userId], foreignColumns: [users.practiceId, users.id] }),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    /**
     * SHA-256 of the link last sent; null until the dispatcher sends one. The link itself is built
     * only at send time and never stored; each send replaces the hash, so only the newest works.
     */
    tokenHash: text('token_hash'),
    invitedBy: uuid('invited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    uniqueIndex('invitations_hash_key').on(t.tokenHash),
    foreignKey({ columns: [t.practiceId, t.userId], foreignColumns: [users.practiceId, users.id] }),
  ],
);

/**
 * A password reset asked for by e-mail. Like an invitation, the link is minted by the dispatcher
 * at send time and only its hash is kept; it works once and for an hour after it was sent.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    uniqueIndex('password_resets_hash_key').on(t.tokenHash),
    index('password_resets_user_idx').on(t.practiceId, t.userId, t.createdAt),
    foreignKey({ columns: [t.practiceId, t.userId], foreignColumns: [users.practiceId, users.id] }),
  ],
);
