import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { AftercareItem, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { BoosterForm } from './booster-form';
import { aftercareReasonWords, formatDueDay } from './check-in-words';
import { aftercareQuery, useHandleAftercareItem } from './check-ins-api';

function QueueItem({ item }: { item: Wire<AftercareItem> }): ReactElement {
  const [offering, setOffering] = useState(false);
  const handle = useHandleAftercareItem();
  const open = item.status === 'open';
  return (
    <Card withBorder component="li">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/episodes/${item.episodeId}`}>
              {item.clientName}
            </Anchor>
            {item.pronouns && (
              <Text span size="sm" c="dimmed">
                {' '}
                ({item.pronouns})
              </Text>
            )}
          </Title>
          <Badge color={open ? 'orange' : 'gray'} variant="outline" tt="none" c="dark.7">
            {open ? 'Needs a response' : 'Handled'}
          </Badge>
        </Group>
        <Text size="sm">
          Check-in due {formatDueDay(item.dueOn)}, answered {formatInZone(item.answeredAt)}
        </Text>
        <List spacing="xs">
          {item.reasons.map((r) => (
            <List.Item key={r.kind}>
              <Text span fw={500}>
                {aftercareReasonWords[r.kind]}:
              </Text>{' '}
              {r.text}
            </List.Item>
          ))}
        </List>
        {!open && (
          <Text size="sm">
            Handled {formatInZone(item.handledAt)}
            {item.boosterAppointmentId ? ', with a booster session booked.' : '.'}
          </Text>
        )}
        <ErrorAlert error={handle.error} title="Could not mark it handled" />
        {open && offering && (
          <BoosterForm
            episodeId={item.episodeId}
            queueItemId={item.id}
            onDone={() => setOffering(false)}
          />
        )}
        {open && !offering && (
          <Group>
            <Button onClick={() => setOffering(true)}>Offer a booster session</Button>
            <Button
              variant="default"
              loading={handle.isPending}
              onClick={() => handle.mutate(item.id)}
            >
              Mark as handled
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The therapist's aftercare queue: clients whose check-in asks for a response. */
export function AftercarePage(): ReactElement {
  usePageTitle('Aftercare');
  const queue = useQuery(aftercareQuery());
  const items = queue.data?.items ?? [];
  return (
    <Stack maw={760}>
      <Title order={1}>Aftercare</Title>
      <Text>
        Clients whose check-in after the ending showed a worsening, a possible risk, or a wish to
        talk again. Offer a booster session or mark the item handled once you have responded.
      </Text>
      {queue.isPending && <Loading label="Loading the aftercare queue" />}
      <ErrorAlert error={queue.error} title="Could not load the aftercare queue" />
      {queue.isSuccess && items.length === 0 && <Text>No one in the aftercare queue.</Text>}
      <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <QueueItem key={item.id} item={item} />
        ))}
      </Stack>
    </Stack>
  );
}
