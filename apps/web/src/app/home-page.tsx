import type { ReactElement } from 'react';
import { AdminPage } from '../features/admin/admin-page';
import { useSignedInUser } from '../features/auth/use-me';
import { CaseloadPage } from '../features/caseload/caseload-page';
import { PortalHomePage } from '../features/portal/portal-home-page';
import { SupervisionPage } from '../features/supervision/supervision-page';

/** `/` shows each role its own starting point. */
export function HomePage(): ReactElement {
  const { role } = useSignedInUser();
  switch (role) {
    case 'therapist':
      return <CaseloadPage />;
    case 'client':
      return <PortalHomePage />;
    case 'practice_admin':
      return <AdminPage />;
    case 'supervisor':
      return <SupervisionPage />;
  }
}
