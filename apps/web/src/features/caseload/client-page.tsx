import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDateTime } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { StatusBadge } from '../../app/status-badge';
import { getClient } from './caseload-api';

export function ClientPage(): ReactElement {
  const id = useParams().id ?? '';
  const client = useQuery({ queryKey: ['clients', id], queryFn: () => getClient(id) });
  usePageTitle(client.data?.displayName ?? 'Client');

  return (
    <Stack maw={800}>
      <Anchor component={Link} to="/" size="sm">
        ← Back to caseload
      </Anchor>
      {client.isPending && <Loader aria-label="Loading client" />}
      {client.isError && (
        <>
          <Title order={1}>Client</Title>
          <ErrorAlert error={client.error} title="Could not load this client" />
        </>
      )}
      {client.data && (
        <>
          <Group gap="sm" align="center">
            <Title order={1}>{client.data.displayName}</Title>
            <StatusBadge status={client.data.status} />
          </Group>
          <Card withBorder>
            <Stack gap="xs">
              <Text>
                <strong>E-mail:</strong> {client.data.email}
              </Text>
              <Text>
                <strong>Therapist:</strong> {client.data.therapistName}
              </Text>
              <Text>
                <strong>Added:</strong> {formatDateTime(client.data.createdAt)}
              </Text>
            </Stack>
          </Card>
          <Text c="dimmed">
            {client.data.status === 'invited'
              ? 'The client has not accepted the invitation yet.'
              : 'Episodes of care, sessions and measures will appear here as they are added.'}
          </Text>
        </>
      )}
    </Stack>
  );
}
