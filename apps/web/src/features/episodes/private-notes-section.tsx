import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDateTime } from '../../app/format';
import { Loading } from '../../app/loading';
import { episodeKeys, listPrivateNotes } from './episodes-api';

/** Psychotherapy notes (HIPAA 45 CFR 164.501): author-only, never in the portal or exports. */
export function PrivateNotesSection({ episodeId }: { episodeId: string }): ReactElement {
  const notes = useQuery({
    queryKey: episodeKeys.privateNotes(episodeId),
    queryFn: () => listPrivateNotes(episodeId),
  });
  const items = notes.data?.items ?? [];
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="private-notes"
      bg="gray.0"
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="private-notes">
          Private process notes
        </Title>
        <Button variant="default" component={Link} to={`/episodes/${episodeId}/private-notes/new`}>
          Write private note
        </Button>
      </Group>
      <Text size="sm" mb="sm">
        Private process notes — only you can read these. They are kept apart from the clinical
        record and never shown to the client, a supervisor or in an export.
      </Text>
      {notes.isPending && <Loading label="Loading private notes" />}
      <ErrorAlert error={notes.error} title="Could not load your private notes" />
      <Stack component="ul" gap={4} pl="md" m={0}>
        {items.map((note) => (
          <li key={note.id}>
            <Anchor component={Link} to={`/private-notes/${note.id}`}>
              Private note, {formatDateTime(note.createdAt)}
            </Anchor>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
