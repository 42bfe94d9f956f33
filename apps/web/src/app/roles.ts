import type { Role } from '@throughline/contracts';

export { roleLabels } from './labels';

export function isClinicianOrAdmin(role: Role): boolean {
  return role !== 'client';
}
