import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDateTime } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { NoteEditor } from './note-editor';
import { getNote, noteKey } from './notes-api';
import { SignedNote } from './signed-note';
import { templateLabels } from './templates';

export function NotePage(): ReactElement {
  const id = useParams().id ?? '';
  const queryClient = useQueryClient();
  // The editor owns the text once loaded; never refetch underneath it.
  const note = useQuery({
    queryKey: noteKey(id),
    queryFn: () => getNote(id),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const data = note.data;
  const title = data ? `${templateLabels[data.template]} note` : 'Session note';
  usePageTitle(title);

  return (
    <Stack maw={900}>
      {data && (
        <Anchor component={Link} to={`/episodes/${data.episodeId}`} size="sm">
          ← Back to the episode
        </Anchor>
      )}
      <Title order={1}>{title}</Title>
      {data && <Text size="sm">Started {formatDateTime(data.createdAt)}</Text>}
      {note.isPending && <Loading label="Loading the note" />}
      <ErrorAlert error={note.error} title="Could not load this note" />
      {data &&
        (data.status === 'signed' ? (
          <SignedNote note={data} />
        ) : (
          <NoteEditor
            key={`${data.id}-${data.version}`}
            note={data}
            onReload={() => void queryClient.resetQueries({ queryKey: noteKey(id) })}
          />
        ))}
    </Stack>
  );
}
