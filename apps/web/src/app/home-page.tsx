import { lazy, type ReactElement, Suspense } from 'react';
import { useSignedInUser } from '../features/auth/use-me';
import { Loading } from './loading';

// Each role's starting point is its own chunk: a client never downloads the caseload.
const CaseloadPage = lazy(() =>
  import('../features/caseload/caseload-page').then((m) => ({ default: m.CaseloadPage })),
);
const PortalHomePage = lazy(() =>
  import('../features/portal/portal-home-page').then((m) => ({ default: m.PortalHomePage })),
);
const AdminPage = lazy(() =>
  import('../features/admin/admin-page').then((m) => ({ default: m.AdminPage })),
);
const SupervisionPage = lazy(() =>
  import('../features/supervision/supervision-page').then((m) => ({
    default: m.SupervisionPage,
  })),
);

function RoleHome(): ReactElement {
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

/** `/` shows each role its own starting point. */
export function HomePage(): ReactElement {
  return (
    <Suspense fallback={<Loading label="Loading your home page" />}>
      <RoleHome />
    </Suspense>
  );
}
