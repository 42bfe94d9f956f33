import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { Appointment, NoteListItem, NoteTemplate, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { NoteStatusBadge } from '../notes/note-status-badge';
import { templateLabels } from '../notes/templates';
import { useStartSessionNote } from './sessions-api';

const templateOptions = (Object.keys(templateLabels) as NoteTemplate[]).map((value) => ({
  value,
  label: templateLabels[value],
}));

function WriteTheNote({ appointment }: { appointment: Wire<Appointment> }): ReactElement {
  const navigate = useNavigate();
  const [template, setTemplate] = useState<NoteTemplate>('music-therapy');
  const start = useStartSessionNote(appointment.id, {
    onSuccess: (started) => navigate(`/notes/${started.note.id}`),
  });
  const marks = appointment.status === 'scheduled';
  return (
    <Stack gap="sm">
      <Text>No note yet.</Text>
      <Group gap="sm" align="end">
        <Select
          label="Template"
          data={templateOptions}
          value={template}
          onChange={(value) => value && setTemplate(value as NoteTemplate)}
          allowDeselect={false}
          w={220}
        />
        <Button loading={start.isPending} onClick={() => start.mutate({ template })}>
          Write the note
        </Button>
      </Group>
      {marks && <Text size="sm">Writing the note also marks this session as attended.</Text>}
      <ErrorAlert error={start.error} title="Could not start the note" />
    </Stack>
  );
}

/** The session's note: open it, or write it (marking a begun session attended in one step). */
export function SessionNote(props: {
  appointment: Wire<Appointment>;
  notes: Wire<NoteListItem>[];
}): ReactElement {
  const { appointment, notes } = props;
  const begun = new Date(appointment.startsAt).getTime() <= Date.now();
  let body: ReactElement;
  if (notes.length > 0) {
    body = (
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {notes.map((note) => (
          <Group component="li" key={note.id} gap="sm">
            <Anchor component={Link} to={`/notes/${note.id}`}>
              Open the {templateLabels[note.template]} note
            </Anchor>
            <NoteStatusBadge status={note.status} />
          </Group>
        ))}
      </Stack>
    );
  } else if (appointment.status === 'cancelled') {
    body = <Text>This session was cancelled, so it has no note.</Text>;
  } else if (appointment.status === 'scheduled' && !begun) {
    body = <Text>You can write the note once the session has begun.</Text>;
  } else {
    body = <WriteTheNote appointment={appointment} />;
  }
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="note">
      <Stack gap="sm">
        <Title order={2} size="h3" id="note">
          Session note
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}
