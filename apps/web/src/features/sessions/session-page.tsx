import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SessionDetail, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { modalityLabels } from '../../app/labels';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { clientLine } from './client-line';
import { SessionAttendance } from './session-attendance';
import { SessionMeasures } from './session-measures';
import { SessionNote } from './session-note';
import { sessionQuery } from './sessions-api';

function SessionBody({ session }: { session: Wire<SessionDetail> }): ReactElement {
  const { appointment: a, client, episode } = session;
  const when = formatInZone(a.startsAt, a.timeZone);
  const where = [modalityLabels[a.modality], a.location].filter(Boolean).join(', ');
  return (
    <Stack>
      <Group gap="md" className="print-hide">
        <Anchor component={Link} to={`/episodes/${episode.id}`} size="sm">
          ← Back to the episode ({episode.title})
        </Anchor>
        <Anchor component={Link} to={`/clients/${client.id}`} size="sm">
          Client record
        </Anchor>
      </Group>
      <Stack gap={4}>
        <Title order={1}>Session with {client.preferredName || client.displayName}</Title>
        <Text>{clientLine(client)}</Text>
        <Text fw={500}>{when}</Text>
        <Text size="sm">
          {a.durationMinutes} minutes · {where}
          {a.kind === 'assessment' ? ' · assessment session' : ''}
        </Text>
      </Stack>
      <Group gap="sm">
        <Button
          variant="default"
          size="xs"
          component={Link}
          to={`/episodes/${episode.id}/brief?appointment=${a.id}`}
        >
          Brief for this session
        </Button>
      </Group>
      <SessionAttendance appointment={a} />
      <SessionNote appointment={a} notes={session.notes} />
      <SessionMeasures measures={session.measures} timeZone={a.timeZone} />
    </Stack>
  );
}

/** One session: its client, time, attendance, note and questionnaires (docs/continuity.md). */
export function SessionPage(): ReactElement {
  const id = useParams().id ?? '';
  const session = useQuery(sessionQuery(id));
  const data = session.data;
  const name = data ? data.client.preferredName || data.client.displayName : null;
  usePageTitle(name ? `Session · ${name}` : 'Session');
  return (
    <Stack maw={900}>
      {session.isPending && <Loading label="Loading the session" />}
      <ErrorAlert error={session.error} title="Could not load this session" />
      {data && <SessionBody session={data} />}
    </Stack>
  );
}
