import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { NoteTemplate } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { NoteStatusBadge } from '../notes/note-status-badge';
import { noteListTitle } from '../notes/note-title';
import { emptyBody, templateLabels } from '../notes/templates';
import { episodeKeys, listAppointments, listNotes, useStartNote } from './episodes-api';

function WriteNoteModal({ episodeId, onClose }: { episodeId: string; onClose: () => void }) {
  const navigate = useNavigate();
  const [template, setTemplate] = useState<NoteTemplate>('music-therapy');
  const [appointmentId, setAppointmentId] = useState<string | null>(null);
  const appointments = useQuery({
    queryKey: episodeKeys.appointments(episodeId),
    queryFn: () => listAppointments(episodeId),
  });
  const options = (appointments.data?.items ?? [])
    .filter((a) => new Date(a.startsAt).getTime() <= Date.now() && a.status !== 'cancelled')
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .map((a) => ({ value: a.id, label: formatInZone(a.startsAt, a.timeZone) }));
  const mutation = useStartNote(episodeId, {
    onSuccess: (note) => navigate(`/notes/${note.id}`),
  });
  const start = (): void =>
    mutation.mutate({
      template,
      appointmentId: appointmentId ?? undefined,
      body: emptyBody(template),
    });
  return (
    <Modal opened onClose={onClose} title="Write a session note" centered>
      <Stack>
        <ErrorAlert error={mutation.error} title="Could not start the note" />
        <Radio.Group
          label="Template"
          value={template}
          onChange={(value) => setTemplate(value as NoteTemplate)}
        >
          <Stack gap="xs" mt="xs">
            {(Object.keys(templateLabels) as NoteTemplate[]).map((key) => (
              <Radio key={key} value={key} label={templateLabels[key]} />
            ))}
          </Stack>
        </Radio.Group>
        <Select
          label="Session"
          placeholder="Not linked to a session"
          data={options}
          value={appointmentId}
          onChange={setAppointmentId}
          clearable
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={mutation.isPending} onClick={start}>
            Start writing
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function NotesSection({ episodeId }: { episodeId: string }): ReactElement {
  const [writing, setWriting] = useState(false);
  const notes = useQuery({
    queryKey: episodeKeys.notes(episodeId),
    queryFn: () => listNotes(episodeId),
  });
  const items = notes.data?.items ?? [];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="notes">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="notes">
          Session notes
        </Title>
        <Button onClick={() => setWriting(true)}>Write note</Button>
      </Group>
      {writing && <WriteNoteModal episodeId={episodeId} onClose={() => setWriting(false)} />}
      {notes.isPending && <Loading label="Loading notes" />}
      <ErrorAlert error={notes.error} title="Could not load the notes" />
      {notes.isSuccess && items.length === 0 && <Text>No notes yet.</Text>}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((note) => (
          <Group component="li" key={note.id} gap="sm" wrap="nowrap" align="start">
            <Anchor component={Link} to={`/notes/${note.id}`}>
              {noteListTitle(note)}
            </Anchor>
            <NoteStatusBadge status={note.status} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
