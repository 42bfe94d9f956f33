import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Note, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatInZone } from '../../app/format';
import { episodeKeys, getEpisode } from '../episodes/episodes-api';
import { clientLine } from '../sessions/client-line';
import { sessionQuery } from '../sessions/sessions-api';
import { templateLabels } from './templates';

/**
 * Whose note, and of which session: the client's name and the session's date and time (its zone)
 * with links back to the session and the episode. A note without a session says so.
 */
export function NoteHeader({ note }: { note: Wire<Note> }): ReactElement {
  const session = useQuery(sessionQuery(note.appointmentId));
  const episode = useQuery({
    queryKey: episodeKeys.detail(note.episodeId),
    queryFn: () => getEpisode(note.episodeId),
    enabled: !note.appointmentId,
  });
  const client = session.data?.client ?? episode.data?.client;
  const appointment = session.data?.appointment;
  return (
    <Stack gap={4}>
      <Group gap="md" className="print-hide">
        {note.appointmentId && (
          <Anchor component={Link} to={`/sessions/${note.appointmentId}`} size="sm">
            ← Back to the session
          </Anchor>
        )}
        <Anchor component={Link} to={`/episodes/${note.episodeId}`} size="sm">
          {note.appointmentId ? 'The episode' : '← Back to the episode'}
        </Anchor>
      </Group>
      <Title order={1}>
        {templateLabels[note.template]} note
        {client ? ` — ${client.preferredName || client.displayName}` : ''}
      </Title>
      {client && <Text>{clientLine(client)}</Text>}
      {appointment && (
        <Text fw={500}>Session of {formatInZone(appointment.startsAt, appointment.timeZone)}</Text>
      )}
      {!note.appointmentId && <Text fw={500}>Not tied to a session</Text>}
      <Text size="sm">Started {formatDateTime(note.createdAt)}</Text>
    </Stack>
  );
}
