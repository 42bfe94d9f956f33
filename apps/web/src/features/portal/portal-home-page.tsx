import { Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { usePageTitle } from '../../app/page-title';
import { useSignedInUser } from '../auth/use-me';
import { getPortal } from './portal-api';

export function PortalHomePage(): ReactElement {
  usePageTitle('Home');
  const me = useSignedInUser();
  const portal = useQuery({ queryKey: ['portal'], queryFn: getPortal });
  const name = portal.data?.displayName ?? me.displayName;

  return (
    <Stack maw={720}>
      <Title order={1}>Welcome, {name}</Title>
      {portal.isPending && <Loader aria-label="Loading" />}
      <ErrorAlert error={portal.error} title="Could not load your portal" />
      {portal.data && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Your therapist
          </Title>
          <Text>
            {portal.data.therapist
              ? `${portal.data.therapist.displayName}, ${portal.data.practiceName}`
              : `${portal.data.practiceName} has not assigned a therapist yet.`}
          </Text>
        </Card>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Sessions and homework
        </Title>
        <Text>
          Your next sessions and homework will appear here once your therapist schedules them.
        </Text>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Keep your account safe
        </Title>
        <Text>
          {me.twoFactorEnabled
            ? 'Two-factor authentication is on for your account.'
            : 'Add a second step to signing in with an authenticator app, so only you can open your portal.'}{' '}
          <Anchor component={Link} to="/settings/security">
            {me.twoFactorEnabled ? 'Security settings' : 'Turn on two-factor authentication'}
          </Anchor>
        </Text>
      </Card>
    </Stack>
  );
}
