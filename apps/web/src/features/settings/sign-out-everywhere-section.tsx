import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactElement, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { useSignedInUser } from '../auth/use-me';
import { useSignOutEverywhere } from './settings-api';

export function SignOutEverywhereSection(): ReactElement {
  const navigate = useNavigate();
  const { may } = useSignedInUser();
  const [confirming, setConfirming] = useState(false);
  const mutation = useSignOutEverywhere(() => navigate('/sign-in', { replace: true }));

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="everywhere">
      <Stack>
        <Title order={2} size="h3" id="everywhere">
          Sign out everywhere
        </Title>
        <Text>
          If you think someone else could be using your account, end every sign-in at once: on all
          devices, this one included.{' '}
          {may.manageApiTokens &&
            'Your personal API tokens are revoked too, so programs that use them need a new token. '}
          Then change your password.
        </Text>
        <ErrorAlert error={mutation.error} title="Could not sign you out everywhere" />
        {confirming ? (
          <Group>
            <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate()}>
              Yes, sign out everywhere
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </Group>
        ) : (
          <Button
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setConfirming(true)}
          >
            Sign out everywhere…
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
