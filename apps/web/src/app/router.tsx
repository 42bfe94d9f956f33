import { createBrowserRouter } from 'react-router';
import { AuditPage } from '../features/admin/audit-page';
import { OutboxPage } from '../features/admin/outbox-page';
import { InvitationPage } from '../features/auth/invitation-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { ClientPage } from '../features/caseload/client-page';
import { SecurityPage } from '../features/settings/security-page';
import { HomePage } from './home-page';
import { NotFoundPage } from './message-page';
import { RequireRole } from './require-role';
import { SignedInLayout } from './signed-in-layout';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export function createAppRouter(): AppRouter {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    { path: '/invitations/:token', element: <InvitationPage /> },
    {
      element: <SignedInLayout />,
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'clients/:id',
          element: (
            <RequireRole roles={['therapist']}>
              <ClientPage />
            </RequireRole>
          ),
        },
        {
          path: 'admin/outbox',
          element: (
            <RequireRole roles={['practice_admin']}>
              <OutboxPage />
            </RequireRole>
          ),
        },
        {
          path: 'admin/audit',
          element: (
            <RequireRole roles={['practice_admin']}>
              <AuditPage />
            </RequireRole>
          ),
        },
        { path: 'settings/security', element: <SecurityPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
