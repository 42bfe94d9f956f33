import { Anchor, Box, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import type { OutboxEmail } from '../../api/types';
import { ErrorAlert } from '../../app/error-alert';
import { formatDateTime } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { StatusBadge } from '../../app/status-badge';
import { listOutbox } from './admin-api';
import { LinkifiedText } from './linkified-text';

function OutboxItem({ email }: { email: OutboxEmail }): ReactElement {
  return (
    <Paper withBorder p="md" component="article" aria-label={email.subject}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={600}>{email.subject}</Text>
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            To {email.to}
          </Text>
        </Stack>
        <Group gap="xs">
          <StatusBadge status={email.status} />
          <Text size="sm" c="dimmed">
            {formatDateTime(email.createdAt)}
          </Text>
        </Group>
      </Group>
      {email.lastError && (
        <Text size="sm" c="red.9" mt="xs">
          Last error: {email.lastError}
        </Text>
      )}
      <Box component="details" mt="sm">
        <Box component="summary" style={{ cursor: 'pointer' }} fz="sm" fw={500}>
          Show message
        </Box>
        <Box
          component="pre"
          mt="xs"
          p="sm"
          bg="gray.0"
          fz="sm"
          style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', borderRadius: 8 }}
        >
          <LinkifiedText text={email.text} />
        </Box>
      </Box>
    </Paper>
  );
}

export function OutboxPage(): ReactElement {
  usePageTitle('Outbox');
  const outbox = useQuery({ queryKey: ['admin', 'outbox'], queryFn: listOutbox });
  const emails = [...(outbox.data?.items ?? [])].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/" size="sm">
        ← Practice administration
      </Anchor>
      <Title order={1}>Outbox</Title>
      <Text>
        The e-mails Throughline has sent or will send, newest first. Without an outgoing mail
        server, this is where you find invitation links to pass on.
      </Text>
      {outbox.isPending && <Loader aria-label="Loading e-mails" />}
      <ErrorAlert error={outbox.error} title="Could not load the outbox" />
      {outbox.isSuccess && emails.length === 0 && <Text>No e-mails yet.</Text>}
      {emails.map((email) => (
        <OutboxItem key={email.id} email={email} />
      ))}
    </Stack>
  );
}
