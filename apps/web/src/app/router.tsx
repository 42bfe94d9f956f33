import type { ReactElement } from 'react';
import { createBrowserRouter } from 'react-router';
import { AccessReportPage } from '../features/access-report/access-report-page';
import { AuditPage } from '../features/admin/audit-page';
import { OutboxPage } from '../features/admin/outbox-page';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page';
import { InvitationPage } from '../features/auth/invitation-page';
import { ResetPasswordPage } from '../features/auth/reset-password-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpCodePage } from '../features/auth/sign-up-code-page';
import { BriefPage } from '../features/brief/brief-page';
import { AftercarePage } from '../features/check-ins/aftercare-page';
import { PortalCheckInPage } from '../features/check-ins/portal-check-in-page';
import { ClientPage } from '../features/clients/client-page';
import { PortalMessagesPage } from '../features/contact/portal-messages-page';
import { CoverPage } from '../features/cover/cover-page';
import { EndingSummaryPage } from '../features/ending/ending-summary-page';
import { PortalEndingSummaryPage } from '../features/ending/portal-ending-summary-page';
import { PortalEndingPlanPage } from '../features/ending-plan/portal-ending-plan-page';
import { PortalClosureLetterPage } from '../features/endings/portal-closure-letter-page';
import { EpisodePage } from '../features/episodes/episode-page';
import { NotePage } from '../features/notes/note-page';
import { PrivateNotePage } from '../features/notes/private-note-page';
import { QuestionnairePage } from '../features/portal/questionnaire-page';
import { ContinuityKitPage } from '../features/readiness/continuity-kit-page';
import { PortalReadinessPage } from '../features/readiness/portal-readiness-page';
import { OwnRecordPage } from '../features/record-copy/own-record-page';
import { RecordRequestsPage } from '../features/record-copy/record-requests-page';
import { SessionPage } from '../features/sessions/session-page';
import { SecurityPage } from '../features/settings/security-page';
import { SupervisedEpisodePage } from '../features/supervision/supervised-episode-page';
import { HomePage } from './home-page';
import { NotFoundPage } from './message-page';
import { RequireRole } from './require-role';
import { SignedInLayout } from './signed-in-layout';

function therapistOnly(element: ReactElement): ReactElement {
  return <RequireRole roles={['therapist']}>{element}</RequireRole>;
}

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export function createAppRouter(): AppRouter {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    { path: '/invitations/:token', element: <InvitationPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    { path: '/sign-up-code', element: <SignUpCodePage /> },
    { path: '/reset-password/:token', element: <ResetPasswordPage /> },
    {
      element: <SignedInLayout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'clients/:id', element: therapistOnly(<ClientPage />) },
        { path: 'episodes/:id', element: therapistOnly(<EpisodePage />) },
        { path: 'episodes/:id/brief', element: therapistOnly(<BriefPage />) },
        { path: 'episodes/:id/ending-summary', element: therapistOnly(<EndingSummaryPage />) },
        { path: 'episodes/:id/private-notes/new', element: therapistOnly(<PrivateNotePage />) },
        { path: 'notes/:id', element: therapistOnly(<NotePage />) },
        { path: 'cover', element: therapistOnly(<CoverPage />) },
        { path: 'aftercare', element: therapistOnly(<AftercarePage />) },
        {
          path: 'supervision/episodes/:id',
          element: (
            <RequireRole roles={['supervisor']}>
              <SupervisedEpisodePage />
            </RequireRole>
          ),
        },
        { path: 'sessions/:id', element: therapistOnly(<SessionPage />) },
        { path: 'private-notes/:noteId', element: therapistOnly(<PrivateNotePage />) },
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
        {
          path: 'questionnaires/:taskId',
          element: (
            <RequireRole roles={['client']}>
              <QuestionnairePage />
            </RequireRole>
          ),
        },
        {
          path: 'closure-letter/:id',
          element: (
            <RequireRole roles={['client']}>
              <PortalClosureLetterPage />
            </RequireRole>
          ),
        },
        {
          path: 'check-ins/:id',
          element: (
            <RequireRole roles={['client']}>
              <PortalCheckInPage />
            </RequireRole>
          ),
        },
        {
          path: 'ending-summary/:id',
          element: (
            <RequireRole roles={['client']}>
              <PortalEndingSummaryPage />
            </RequireRole>
          ),
        },
        {
          path: 'record',
          element: (
            <RequireRole roles={['client']}>
              <OwnRecordPage />
            </RequireRole>
          ),
        },
        {
          path: 'record-requests',
          element: (
            <RequireRole roles={['therapist']}>
              <RecordRequestsPage />
            </RequireRole>
          ),
        },
        {
          path: 'access-report',
          element: (
            <RequireRole roles={['client']}>
              <AccessReportPage />
            </RequireRole>
          ),
        },
        {
          path: 'messages',
          element: (
            <RequireRole roles={['client']}>
              <PortalMessagesPage />
            </RequireRole>
          ),
        },
        {
          path: 'ending-plan',
          element: (
            <RequireRole roles={['client']}>
              <PortalEndingPlanPage />
            </RequireRole>
          ),
        },
        {
          path: 'readiness',
          element: (
            <RequireRole roles={['client']}>
              <PortalReadinessPage />
            </RequireRole>
          ),
        },
        {
          path: 'continuity-kit',
          element: (
            <RequireRole roles={['client']}>
              <ContinuityKitPage />
            </RequireRole>
          ),
        },
        { path: 'settings/security', element: <SecurityPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
