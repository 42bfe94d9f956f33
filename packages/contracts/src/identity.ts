import { z } from 'zod';
import { email, otpCode, roleSchema } from './common';

// Who the caller is, signing in and out, passwords, invitations and personal API tokens.

/** The shortest password a person may choose; the server checks it again for callers without HTTP. */
export const MIN_PASSWORD_LENGTH = 12;
export const newPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(1024);
const password = z.string().min(1).max(1024);

export const STAFF_ROLES = ['practice_admin', 'therapist', 'supervisor'] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.output<typeof staffRoleSchema>;

export const meSchema = z.object({
  userId: z.uuid(),
  practiceId: z.uuid(),
  practiceName: z.string(),
  role: roleSchema,
  email: z.string().nullable().describe('Null for a client who signs in with a user name'),
  username: z.string().nullable(),
  displayName: z.string(),
  twoFactorEnabled: z.boolean(),
  twoFactorVerified: z.boolean(),
  may: z
    .object({ manageCalendarFeed: z.boolean(), manageApiTokens: z.boolean() })
    .describe(
      'What the screens offer this caller, decided by the server policy (the web never restates a role rule)',
    ),
});
export type Me = z.output<typeof meSchema>;

// Signing in.
export const NEXT_STEPS = ['done', 'two-factor', 'enrol-two-factor'] as const;
export const nextStepSchema = z.object({ next: z.enum(NEXT_STEPS) });
export type NextStep = z.output<typeof nextStepSchema>;

/**
 * What a person signs in with: their e-mail, or the user name a client chose with a sign-up code
 * (the field keeps its name `email` so existing clients of the API keep working).
 */
export const signInName = z
  .string()
  .trim()
  .min(1)
  .max(254)
  .transform((v) => v.toLowerCase());
export const signInBody = z.strictObject({
  email: signInName.describe('Your e-mail address, or your user name'),
  password,
});
export const codeBody = z.strictObject({ code: otpCode });
export const enrolmentBody = z
  .strictObject({ password: password.optional(), code: otpCode.optional() })
  .optional();
export const enrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export type Enrolment = z.output<typeof enrolmentSchema>;

// Passwords and sessions.
export const passwordResetBody = z.strictObject({ email });
export const passwordResetAcceptedSchema = z.object({ accepted: z.literal(true) });
export type PasswordResetAccepted = z.output<typeof passwordResetAcceptedSchema>;
export const passwordResetCompleteBody = z.strictObject({
  token: z.string().min(20).max(100),
  password: newPasswordSchema,
});
export const changePasswordBody = z.strictObject({
  currentPassword: password,
  newPassword: newPasswordSchema,
});
export const passwordChangedSchema = z.object({ sessionsEnded: z.number().int() });
export type PasswordChanged = z.output<typeof passwordChangedSchema>;
export const signedOutEverywhereSchema = z.object({
  sessionsEnded: z.number().int(),
  tokensRevoked: z.number().int(),
});
export type SignedOutEverywhere = z.output<typeof signedOutEverywhereSchema>;

// Invitations.
export const invitationTokenParam = z.strictObject({ token: z.string().min(20).max(100) });
export const invitationSchema = z.object({
  email: z.string().nullable(),
  displayName: z.string(),
  preferredName: z.string().nullable().describe('How a client asked to be addressed'),
  inviterName: z.string().nullable().describe('Who invited them, when a person did'),
  practiceName: z.string(),
  role: roleSchema,
  expiresAt: z.date(),
});
export type Invitation = z.output<typeof invitationSchema>;
export const acceptInvitationBody = z.strictObject({ password: newPasswordSchema });

// Personal API tokens.
export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiToken = z.output<typeof apiTokenSchema>;
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export type CreateTokenInput = z.input<typeof createTokenBody>;
export const createdTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  token: z.string(),
  expiresAt: z.date(),
});
export type CreatedToken = z.output<typeof createdTokenSchema>;

// Sign-up codes: an invitation handed over in person, for a client who may not be e-mailed.
/** A user name: letters, digits, dots, dashes and underscores; never an e-mail (no @). */
export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, dots, dashes or underscores (no spaces).')
  .transform((v) => v.toLowerCase());
export const signUpCodeSchema = z.string().trim().min(4).max(40);
export const redeemSignUpCodeBody = z
  .strictObject({
    code: signUpCodeSchema,
    email: email.optional(),
    username: usernameSchema.optional(),
    password: newPasswordSchema,
  })
  .refine((v) => (v.email === undefined) !== (v.username === undefined), {
    message: 'Give either an e-mail address or a user name to sign in with.',
    path: ['username'],
  });
export type RedeemSignUpCodeInput = z.input<typeof redeemSignUpCodeBody>;
export const issuedSignUpCodeSchema = z.object({
  code: z.string().describe('Shown once: only its hash is kept'),
  expiresAt: z.date(),
});
export type IssuedSignUpCode = z.output<typeof issuedSignUpCodeSchema>;
