import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/print.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { hadSession, markSignedOut } from './api/session';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';

// Any 401 means the session is gone (sessions end after 30 idle minutes): go to sign-in,
// saying why when this tab had been signed in, and drop everything cached for that user.
function onUnauthorized(): void {
  if (router.state.location.pathname === '/sign-in') return;
  const ended = hadSession();
  markSignedOut();
  void router.navigate(ended ? '/sign-in?session=ended' : '/sign-in', { replace: true });
  setTimeout(() => queryClient.clear(), 0);
}

const queryClient = createQueryClient(onUnauthorized);
const router = createAppRouter();

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
