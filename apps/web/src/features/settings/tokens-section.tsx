import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { useSignedInUser } from '../auth/use-me';
import { CreateTokenForm } from './create-token-form';
import { listTokens, tokenKeys } from './settings-api';
import { TokensTable } from './tokens-table';

function TokensList(): ReactElement {
  const tokens = useQuery({ queryKey: tokenKeys.all, queryFn: listTokens });
  if (tokens.isPending) return <Loading label="Loading tokens" />;
  if (tokens.isError) return <ErrorAlert error={tokens.error} title="Could not load your tokens" />;
  if (tokens.data.items.length === 0) return <Text>You have no tokens yet.</Text>;
  return <TokensTable tokens={tokens.data.items} />;
}

export function TokensSection(): ReactElement {
  const me = useSignedInUser();

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="tokens">
      <Stack>
        <Title order={2} size="h3" id="tokens">
          Personal API tokens
        </Title>
        <Text>
          A token lets a program of yours use the Throughline API with your permissions. Create one
          per program, give it the shortest life that works, and revoke it when it is no longer
          needed.
        </Text>
        {me.twoFactorVerified ? (
          <>
            <CreateTokenForm />
            <TokensList />
          </>
        ) : (
          <Alert color="blue" variant="light" title="Not available in this session">
            {me.twoFactorEnabled
              ? 'API tokens can only be managed in a session signed in with two-factor authentication. Sign out and sign in again with your authentication code.'
              : 'API tokens can only be managed in a session signed in with two-factor authentication. Turn on two-factor authentication above, then sign out and sign in again with your code.'}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
