import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { NoteEditor } from './note-editor';
import { NoteHeader } from './note-header';
import { noteQuery, useReloadNote } from './notes-api';
import { SignedNote } from './signed-note';
import { templateLabels } from './templates';

export function NotePage(): ReactElement {
  const id = useParams().id ?? '';
  const note = useQuery(noteQuery(id));
  const reload = useReloadNote(id);
  const data = note.data;
  const title = data ? `${templateLabels[data.template]} note` : 'Session note';
  usePageTitle(title);

  return (
    <Stack maw={900}>
      {data ? <NoteHeader note={data} /> : <Title order={1}>{title}</Title>}
      {note.isPending && <Loading label="Loading the note" />}
      <ErrorAlert error={note.error} title="Could not load this note" />
      {data &&
        (data.status === 'signed' ? (
          <SignedNote note={data} />
        ) : (
          <NoteEditor key={`${data.id}-${data.version}`} note={data} onReload={reload} />
        ))}
    </Stack>
  );
}
