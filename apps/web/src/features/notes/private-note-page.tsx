import { Alert, Anchor, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDateTime } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { privateNoteQuery, useSavePrivateNote } from './notes-api';
import { PrivacyWarnings } from './privacy-warnings';

/**
 * A psychotherapy (process) note: the therapist's private reflection, readable only by its author
 * and kept out of the portal, supervisor views and exports (HIPAA 45 CFR 164.501).
 */
export function PrivateNotePage(): ReactElement {
  usePageTitle('Private process note');
  const params = useParams();
  const noteId = params.noteId;
  const episodeParam = params.id;
  const navigate = useNavigate();
  const form = useForm({ initialValues: { text: '' } });
  const note = useQuery(privateNoteQuery(noteId));
  const loaded = note.data?.body;
  useEffect(() => {
    if (loaded !== undefined) form.setValues({ text: loaded });
  }, [loaded]);
  const episodeId = note.data?.episodeId ?? episodeParam;
  const text = form.values.text;

  const save = useSavePrivateNote(noteId, episodeParam);
  const submit = form.onSubmit(({ text }) =>
    save.mutate(text, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: 'Private note saved.' });
        if (!noteId) navigate(`/private-notes/${saved.id}`, { replace: true });
      },
    }),
  );

  return (
    <Stack maw={800}>
      {episodeId && (
        <Anchor component={Link} to={`/episodes/${episodeId}`} size="sm">
          ← Back to the episode
        </Anchor>
      )}
      <Title order={1}>Private process note</Title>
      <Alert color="gray" variant="light" title="Only you can read this">
        Private process notes — only you can read these. Keep them to your own reflections:
        medication, test results, session times, diagnosis and treatment plan belong in the session
        note.
      </Alert>
      {note.isLoading && <Loading label="Loading the note" />}
      <ErrorAlert error={note.error} title="Could not load this note" />
      {note.data && <Text size="sm">Written {formatDateTime(note.data.createdAt)}</Text>}
      {(!noteId || note.data) && (
        <form onSubmit={submit}>
          <Stack>
            <Textarea label="Reflection" autosize minRows={8} {...form.getInputProps('text')} />
            <PrivacyWarnings text={text} />
            <ErrorAlert error={save.error} title="Could not save" />
            <Group justify="flex-end">
              <Button type="submit" disabled={!text.trim()} loading={save.isPending}>
                Save private note
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
