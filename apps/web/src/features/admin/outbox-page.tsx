import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { OutboxEmail, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDateTime } from '../../app/format';
import { outboxKindLabels } from '../../app/labels';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { StatusBadge } from '../../app/status-badge';
import { adminKeys, listOutbox } from './admin-api';

function OutboxItem({ email }: { email: Wire<OutboxEmail> }): ReactElement {
  const label = outboxKindLabels[email.kind];
  return (
    <Paper withBorder p="md" component="article" aria-label={`${label} to ${email.to}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={600}>{label}</Text>
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            To {email.to}
          </Text>
        </Stack>
        <Group gap="xs">
          <StatusBadge status={email.status} />
          <Text size="sm" c="dimmed">
            {email.sentAt
              ? `Sent ${formatDateTime(email.sentAt)}`
              : `Queued ${formatDateTime(email.createdAt)}`}
          </Text>
        </Group>
      </Group>
      {email.lastError && (
        <Text size="sm" c="red.9" mt="xs">
          Last error ({email.attempts} {email.attempts === 1 ? 'attempt' : 'attempts'}):{' '}
          {email.lastError}
        </Text>
      )}
    </Paper>
  );
}

export function OutboxPage(): ReactElement {
  usePageTitle('Outbox');
  const outbox = useQuery({ queryKey: adminKeys.outbox, queryFn: listOutbox });
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
        The e-mails Throughline has sent or will send, newest first: to whom, what kind, and whether
        they went out. What an e-mail says is never shown here, because invitation and password
        reset links would let whoever reads them into someone else's account. Each visit to this
        page is recorded in the audit log.
      </Text>
      {outbox.isPending && <Loading label="Loading e-mails" />}
      <ErrorAlert error={outbox.error} title="Could not load the outbox" />
      {outbox.isSuccess && emails.length === 0 && <Text>No e-mails yet.</Text>}
      {emails.map((email) => (
        <OutboxItem key={email.id} email={email} />
      ))}
    </Stack>
  );
}
