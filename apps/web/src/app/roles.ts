import type { Role } from '../api/types';

export const roleLabels: Record<Role, string> = {
  practice_admin: 'Practice admin',
  therapist: 'Therapist',
  supervisor: 'Supervisor',
  client: 'Client',
};

export function isClinicianOrAdmin(role: Role): boolean {
  return role !== 'client';
}
