import type { Role } from '@throughline/contracts';
import type { ComponentType, ReactElement } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { Loading } from './loading';
import { NotFoundPage } from './message-page';
import { RequireRole } from './require-role';
import { SignedInLayout } from './signed-in-layout';

type LazyRoute = Pick<RouteObject, 'lazy'>;

/**
 * A page loaded only when its route is visited (its own chunk, so the first page downloads only
 * what it shows). The router fetches the chunk before it leaves the current page, so nothing
 * flashes; `roles` limits the page to those accounts (see RequireRole).
 */
function page<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
  roles?: Role[],
): LazyRoute {
  return {
    lazy: async () => {
      const Page = pick(await load());
      return {
        element: roles ? (
          <RequireRole roles={roles}>
            <Page />
          </RequireRole>
        ) : (
          <Page />
        ),
      };
    },
  };
}

const THERAPIST: Role[] = ['therapist'];
const CLIENT: Role[] = ['client'];
const ADMIN: Role[] = ['practice_admin'];

/** Shown while the first page's chunk loads, before anything else can be drawn. */
const firstLoad: ReactElement = <Loading label="Loading Throughline" />;

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export function createAppRouter(): AppRouter {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/invitations/:token',
      hydrateFallbackElement: firstLoad,
      ...page(
        () => import('../features/auth/invitation-page'),
        (m) => m.InvitationPage,
      ),
    },
    {
      path: '/forgot-password',
      hydrateFallbackElement: firstLoad,
      ...page(
        () => import('../features/auth/forgot-password-page'),
        (m) => m.ForgotPasswordPage,
      ),
    },
    {
      path: '/sign-up-code',
      hydrateFallbackElement: firstLoad,
      ...page(
        () => import('../features/auth/sign-up-code-page'),
        (m) => m.SignUpCodePage,
      ),
    },
    {
      path: '/reset-password/:token',
      hydrateFallbackElement: firstLoad,
      ...page(
        () => import('../features/auth/reset-password-page'),
        (m) => m.ResetPasswordPage,
      ),
    },
    {
      element: <SignedInLayout />,
      hydrateFallbackElement: firstLoad,
      children: [
        {
          index: true,
          ...page(
            () => import('./home-page'),
            (m) => m.HomePage,
          ),
        },
        {
          path: 'clients/import',
          ...page(
            () => import('../features/moving-in/moving-in-page'),
            (m) => m.MovingInPage,
            THERAPIST,
          ),
        },
        {
          path: 'clients/:id',
          ...page(
            () => import('../features/clients/client-page'),
            (m) => m.ClientPage,
            THERAPIST,
          ),
        },
        {
          path: 'episodes/:id',
          ...page(
            () => import('../features/episodes/episode-page'),
            (m) => m.EpisodePage,
            THERAPIST,
          ),
        },
        {
          path: 'episodes/:id/brief',
          ...page(
            () => import('../features/brief/brief-page'),
            (m) => m.BriefPage,
            THERAPIST,
          ),
        },
        {
          path: 'episodes/:id/ending-summary',
          ...page(
            () => import('../features/ending/ending-summary-page'),
            (m) => m.EndingSummaryPage,
            THERAPIST,
          ),
        },
        {
          path: 'episodes/:id/private-notes/new',
          ...page(
            () => import('../features/notes/private-note-page'),
            (m) => m.PrivateNotePage,
            THERAPIST,
          ),
        },
        {
          path: 'notes/:id',
          ...page(
            () => import('../features/notes/note-page'),
            (m) => m.NotePage,
            THERAPIST,
          ),
        },
        {
          path: 'cover',
          ...page(
            () => import('../features/cover/cover-page'),
            (m) => m.CoverPage,
            THERAPIST,
          ),
        },
        {
          path: 'record',
          ...page(
            () => import('../features/record-copy/own-record-page'),
            (m) => m.OwnRecordPage,
            CLIENT,
          ),
        },
        {
          path: 'record-requests',
          ...page(
            () => import('../features/record-copy/record-requests-page'),
            (m) => m.RecordRequestsPage,
            THERAPIST,
          ),
        },
        {
          path: 'aftercare',
          ...page(
            () => import('../features/check-ins/aftercare-page'),
            (m) => m.AftercarePage,
            THERAPIST,
          ),
        },
        {
          path: 'supervision/episodes/:id',
          ...page(
            () => import('../features/supervision/supervised-episode-page'),
            (m) => m.SupervisedEpisodePage,
            ['supervisor'],
          ),
        },
        {
          path: 'sessions/:id',
          ...page(
            () => import('../features/sessions/session-page'),
            (m) => m.SessionPage,
            THERAPIST,
          ),
        },
        {
          path: 'private-notes/:noteId',
          ...page(
            () => import('../features/notes/private-note-page'),
            (m) => m.PrivateNotePage,
            THERAPIST,
          ),
        },
        {
          path: 'admin/outbox',
          ...page(
            () => import('../features/admin/outbox-page'),
            (m) => m.OutboxPage,
            ADMIN,
          ),
        },
        {
          path: 'admin/audit',
          ...page(
            () => import('../features/admin/audit-page'),
            (m) => m.AuditPage,
            ADMIN,
          ),
        },
        {
          path: 'questionnaires/:taskId',
          ...page(
            () => import('../features/portal/questionnaire-page'),
            (m) => m.QuestionnairePage,
            CLIENT,
          ),
        },
        {
          path: 'closure-letter/:id',
          ...page(
            () => import('../features/endings/portal-closure-letter-page'),
            (m) => m.PortalClosureLetterPage,
            CLIENT,
          ),
        },
        {
          path: 'check-ins/:id',
          ...page(
            () => import('../features/check-ins/portal-check-in-page'),
            (m) => m.PortalCheckInPage,
            CLIENT,
          ),
        },
        {
          path: 'ending-summary/:id',
          ...page(
            () => import('../features/ending/portal-ending-summary-page'),
            (m) => m.PortalEndingSummaryPage,
            CLIENT,
          ),
        },
        {
          path: 'access-report',
          ...page(
            () => import('../features/access-report/access-report-page'),
            (m) => m.AccessReportPage,
            CLIENT,
          ),
        },
        {
          path: 'messages',
          ...page(
            () => import('../features/contact/portal-messages-page'),
            (m) => m.PortalMessagesPage,
            CLIENT,
          ),
        },
        {
          path: 'ending-plan',
          ...page(
            () => import('../features/ending-plan/portal-ending-plan-page'),
            (m) => m.PortalEndingPlanPage,
            CLIENT,
          ),
        },
        {
          path: 'readiness',
          ...page(
            () => import('../features/readiness/portal-readiness-page'),
            (m) => m.PortalReadinessPage,
            CLIENT,
          ),
        },
        {
          path: 'continuity-kit',
          ...page(
            () => import('../features/readiness/continuity-kit-page'),
            (m) => m.ContinuityKitPage,
            CLIENT,
          ),
        },
        {
          path: 'settings/security',
          ...page(
            () => import('../features/settings/security-page'),
            (m) => m.SecurityPage,
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
