// Response shapes of the HTTP API (docs: /api/docs). Kept here until the server publishes
// shared contracts for the web app to import.

import type { Homework as HomeworkContract, Wire } from '@throughline/contracts';
import type { PortalSession } from './care-types';

type Homework = Wire<HomeworkContract>;

export type Role = 'practice_admin' | 'therapist' | 'supervisor' | 'client';

export type Me = {
  userId: string;
  practiceId: string;
  practiceName: string;
  role: Role;
  email: string;
  displayName: string;
  twoFactorEnabled: boolean;
  twoFactorVerified: boolean;
};

export type NextStep = 'done' | 'two-factor' | 'enrol-two-factor';

export type Enrolment = { secret: string; otpauthUri: string; qrDataUrl: string };

export type Invitation = {
  email: string;
  displayName: string;
  practiceName: string;
  role: Role;
  expiresAt: string;
};

export type Client = {
  id: string;
  displayName: string;
  email: string;
  status: 'invited' | 'active';
  therapistId: string;
  therapistName: string;
  createdAt: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Portal = {
  displayName: string;
  practiceName: string;
  therapist: { displayName: string } | null;
  /** Issue 3: the portal home's sessions and homework, in the client's time zone. */
  nextSessions?: PortalSession[];
  homework?: Homework[];
  goals?: unknown[];
};

export type ApiToken = {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type CreatedToken = { id: string; name: string; token: string; expiresAt: string };

export type StaffRole = 'therapist' | 'supervisor' | 'practice_admin';

export type User = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: 'invited' | 'active' | 'locked' | 'deactivated';
  twoFactorEnabled: boolean;
  createdAt: string;
};

export type Practice = { id: string; name: string; timeZone: string };

/** Which instruments the practice uses, and its PCL-5 reliable-change value. */
export type MeasureSettings = {
  version: number;
  enabledInstruments: string[];
  pcl5ReliableChange: number;
  pcl5ReliableChangeRange: { min: number; max: number };
  instruments: { key: string; title: string; enabled: boolean; license: string }[];
};

export type OutboxKind =
  | 'invitation'
  | 'password-reset'
  | 'security-notice'
  | 'reminder'
  | 'questionnaire'
  | 'other';

/** Recipient, kind and delivery only: the server never shows what an e-mail said. */
export type OutboxEmail = {
  id: string;
  to: string;
  kind: OutboxKind;
  status: 'pending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
};

export type AuditVerification = {
  ok: boolean;
  checked: number;
  unsealed: number;
  firstBadEventId: string | null;
  reason: string | null;
};
