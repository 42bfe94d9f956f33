import { api } from '../../api/client';
import type {
  AuditVerification,
  MeasureSettings,
  OutboxEmail,
  Practice,
  StaffRole,
  User,
} from '../../api/types';

export const usersKey = ['admin', 'users'] as const;
export const practiceKey = ['practice'] as const;

export function listUsers(): Promise<{ items: User[] }> {
  return api('/admin/users');
}

export function inviteStaff(input: {
  email: string;
  displayName: string;
  role: StaffRole;
}): Promise<User> {
  return api<User>('/admin/users', { method: 'POST', body: input });
}

export function deactivateUser(id: string): Promise<User> {
  return api<User>(`/admin/users/${encodeURIComponent(id)}/deactivate`, { method: 'POST' });
}

export function reactivateUser(id: string): Promise<User> {
  return api<User>(`/admin/users/${encodeURIComponent(id)}/reactivate`, { method: 'POST' });
}

export function getPractice(): Promise<Practice> {
  return api<Practice>('/practice');
}

export function updatePractice(input: { name?: string; timeZone?: string }): Promise<Practice> {
  return api<Practice>('/practice', { method: 'PATCH', body: input });
}

export const measureSettingsKey = ['practice', 'measure-settings'] as const;

export function getMeasureSettings(): Promise<MeasureSettings> {
  return api<MeasureSettings>('/practice/measure-settings');
}

export function updateMeasureSettings(input: {
  enabledInstruments?: string[];
  pcl5ReliableChange?: number;
}): Promise<MeasureSettings> {
  return api<MeasureSettings>('/practice/measure-settings', { method: 'PATCH', body: input });
}

export function listOutbox(): Promise<{ items: OutboxEmail[] }> {
  return api('/admin/outbox?limit=50');
}

export function verifyAudit(): Promise<AuditVerification> {
  return api<AuditVerification>('/admin/audit/verify');
}
