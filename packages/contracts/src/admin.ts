import { z } from 'zod';
import { displayName, email, limitParam, roleSchema, timeZoneSchema } from './common';
import { staffRoleSchema } from './identity';

// The practice's administration: staff accounts, practice settings, measurement settings, the
// e-mail outbox and the audit-chain check.

export const USER_STATUSES = ['invited', 'active', 'locked', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string(),
  role: roleSchema,
  status: z.enum(USER_STATUSES),
  twoFactorEnabled: z.boolean(),
  createdAt: z.date(),
});
export type User = z.output<typeof userSchema>;

export const inviteStaffBody = z.strictObject({ email, displayName, role: staffRoleSchema });
export type InviteStaffInput = z.input<typeof inviteStaffBody>;

export const practiceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  /** A therapist reviews a client's copy of their record before it is released (issue 12). */
  copyReviewRequired: z.boolean(),
});
export type Practice = z.output<typeof practiceSchema>;

export const updatePracticeBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  timeZone: timeZoneSchema.optional(),
  copyReviewRequired: z.boolean().optional(),
});
export type PracticeChanges = z.input<typeof updatePracticeBody>;

export const measureSettingsSchema = z.object({
  version: z.number().int(),
  enabledInstruments: z.array(z.string()),
  pcl5ReliableChange: z.number().int(),
  pcl5ReliableChangeRange: z.object({ min: z.number().int(), max: z.number().int() }),
  instruments: z.array(
    z.object({ key: z.string(), title: z.string(), enabled: z.boolean(), license: z.string() }),
  ),
});
export type MeasureSettings = z.output<typeof measureSettingsSchema>;

export const updateMeasureSettingsBody = z.strictObject({
  enabledInstruments: z.array(z.string().max(64)).max(50).optional(),
  pcl5ReliableChange: z.number().int().optional().describe('5–10 points, default 10'),
});
export type MeasureSettingsChanges = z.input<typeof updateMeasureSettingsBody>;

export const OUTBOX_KINDS = [
  'invitation',
  'password-reset',
  'security-notice',
  'reminder',
  'questionnaire',
  'message',
  'other',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Recipient, kind and delivery only: never what an e-mail said. */
export const outboxEmailSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  kind: z.enum(OUTBOX_KINDS),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxEmail = z.output<typeof outboxEmailSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  unsealed: z.number().int(),
  oldestUnsealedAt: z.date().nullable(),
  firstBadEventId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerification = z.output<typeof auditVerificationSchema>;

export const listOutboxQuery = z.strictObject({ limit: limitParam(200, 50) });
