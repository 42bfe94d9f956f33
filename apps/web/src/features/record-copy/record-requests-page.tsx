import { Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PendingRecordRequest, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { reviewCopyUrl, useDecideRecordRequest, usePendingRecordRequests } from './record-copy-api';

/** The therapist's list of clients' requests for a copy of their record (issue 12). */
export function RecordRequestsPage(): ReactElement {
  usePageTitle('Copies of the record');
  const pending = usePendingRecordRequests();
  const items = pending.data?.items ?? [];
  return (
    <Stack maw={720}>
      <Title order={1}>Copies of the record</Title>
      <Text>
        Your practice reviews a client's copy of their record before it is released. Read the copy,
        then release it, or say why not in words the client will read. The law gives 30 days to
        answer.
      </Text>
      {pending.isPending && <Loading label="Loading requests" />}
      <ErrorAlert error={pending.error} title="Could not load the requests" />
      {pending.isSuccess && items.length === 0 && <Text>No requests are waiting.</Text>}
      {items.map((r) => (
        <RequestCard key={r.id} request={r} />
      ))}
    </Stack>
  );
}

function RequestCard({ request }: { request: Wire<PendingRecordRequest> }): ReactElement {
  const [reason, setReason] = useState('');
  const [refusing, setRefusing] = useState(false);
  const decide = useDecideRecordRequest({
    onSuccess: (saved) =>
      notifications.show({
        color: 'teal',
        message:
          saved.status === 'released'
            ? `${request.clientName} can now download their copy.`
            : `${request.clientName} will see your answer.`,
      }),
  });
  return (
    <Card withBorder component="section" aria-label={`Request from ${request.clientName}`}>
      <Title order={2} size="h4">
        {request.clientName}
      </Title>
      <Text size="sm">
        Asked {formatInZone(request.requestedAt)} · answer by{' '}
        {formatInZone(request.dueBy, null, { dateOnly: true })}
      </Text>
      <Anchor href={reviewCopyUrl(request.clientId)} mt="xs" display="block">
        Read the copy (PDF)
      </Anchor>
      <ErrorAlert error={decide.error} title="Could not save your answer" />
      {refusing ? (
        <Stack mt="sm" gap="xs">
          <Textarea
            label="Why not, for now"
            description="The client reads this."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group>
            <Button
              color="orange"
              disabled={reason.trim() === ''}
              loading={decide.isPending}
              onClick={() => decide.mutate({ id: request.id, refuse: { reason } })}
            >
              Send the answer
            </Button>
            <Button variant="default" onClick={() => setRefusing(false)}>
              Back
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group mt="sm">
          <Button loading={decide.isPending} onClick={() => decide.mutate({ id: request.id })}>
            Release the copy
          </Button>
          <Button variant="default" onClick={() => setRefusing(true)}>
            Not yet…
          </Button>
        </Group>
      )}
    </Card>
  );
}
