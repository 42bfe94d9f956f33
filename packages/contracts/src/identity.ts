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
  email: z.string(),
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

export const signInBody = z.strictObject({ email, password });
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
  email: z.string(),
  displayName: z.string(),
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
