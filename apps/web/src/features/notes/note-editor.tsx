import { Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import type { Note, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { LeaveWarning } from '../../app/leave-warning';
import { CarryForwardFields } from './carry-forward-fields';
import { MusicTherapyFields } from './music-fields';
import { type DraftBody, useNoteAutosave } from './note-draft';
import { SaveStatusLine } from './save-status';
import { SignNoteButton } from './sign-note-button';
import { templateFields, textOf } from './templates';

type Props = { note: Wire<Note>; onReload: () => void };

export function NoteEditor({ note, onReload }: Props): ReactElement {
  const autosave = useNoteAutosave(note);
  const body = autosave.value;
  const change = (patch: DraftBody): void => autosave.update({ ...body, ...patch });

  return (
    <Stack>
      {/* Stays in view on a long note (below the 64 px app header), so the save state is seen. */}
      <Group
        justify="space-between"
        align="center"
        py="xs"
        style={{ position: 'sticky', top: 64, zIndex: 2, background: 'var(--mantine-color-body)' }}
      >
        <SaveStatusLine status={autosave.status} error={autosave.error} onReload={onReload} />
        <SignNoteButton note={note} flush={autosave.flush} />
      </Group>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="session">
        <Stack>
          <Title order={2} size="h3" id="session">
            The session
          </Title>
          {note.template === 'music-therapy' && (
            <MusicTherapyFields body={body} onChange={change} />
          )}
          {templateFields[note.template].map((field) => (
            <Textarea
              key={field.key}
              label={field.label}
              required={field.required}
              autosize
              minRows={3}
              value={textOf(body, field.key)}
              onChange={(e) => change({ [field.key]: e.currentTarget.value })}
            />
          ))}
        </Stack>
      </Paper>
      <CarryForwardFields episodeId={note.episodeId} body={body} onChange={change} />
      <LeaveWarning guard={autosave.leaving} />
    </Stack>
  );
}
