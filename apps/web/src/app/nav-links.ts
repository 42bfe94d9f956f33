import type { Role } from '@throughline/contracts';

export type NavItem = { to: string; label: string };

const security: NavItem = { to: '/settings/security', label: 'Security' };

export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case 'therapist':
      return [
        { to: '/', label: 'Caseload' },
        { to: '/aftercare', label: 'Aftercare' },
        { to: '/cover', label: 'Cover' },
        security,
      ];
    case 'client':
      return [
        { to: '/', label: 'Home' },
        { to: '/messages', label: 'Messages' },
        { to: '/ending-plan', label: 'Ending plan' },
        { to: '/record', label: 'Your record' },
        { to: '/access-report', label: 'Who has seen my record' },
        security,
      ];
    case 'supervisor':
      return [{ to: '/', label: 'Supervision' }, security];
    case 'practice_admin':
      return [
        { to: '/', label: 'Administration' },
        { to: '/admin/outbox', label: 'Outbox' },
        { to: '/admin/audit', label: 'Audit check' },
        security,
      ];
  }
}
