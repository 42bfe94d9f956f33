import { Button, Card, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { NoteSummary, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { supervisionPartLabels } from '../../app/labels';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { BoundaryEntries } from '../consent/boundary-entries';
import { boundaryLogQuery, supervisedEpisodesQuery } from '../consent/consent-api';
import { episodeKeys, listNotes } from '../episodes/episodes-api';
import { noteQuery } from '../notes/notes-api';
import { templateFields, templateLabels, textOf } from '../notes/templates';
import { supervisedSections } from './shared-parts';
import { SupervisedGoals, SupervisedScores } from './supervised-parts';
import { listWords } from './supervision-page';

function NoteText({ id }: { id: string }): ReactElement {
  const note = useQuery(noteQuery(id));
  if (note.isPending) return <Loading label="Loading the note" />;
  if (note.isError) return <ErrorAlert error={note.error} title="Could not load the note" />;
  const n = note.data;
  return (
    <Stack gap="xs">
      {templateFields[n.template].map((f) => {
        const value = textOf(n.body, f.key);
        return value ? (
          <Stack gap={0} key={f.key}>
            <Text size="sm" fw={600}>
              {f.label}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {value}
            </Text>
          </Stack>
        ) : null;
      })}
    </Stack>
  );
}

function NoteItem({ note }: { note: Wire<NoteSummary> }): ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder component="li">
      <Stack gap="xs">
        <Text fw={600}>
          {templateLabels[note.template]} note, {formatInZone(note.signedAt ?? note.createdAt)}
          {note.status === 'draft' ? ' (draft)' : ''}
        </Text>
        {open && <NoteText id={note.id} />}
        <Button
          variant="default"
          size="xs"
          style={{ alignSelf: 'start' }}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide the note' : 'Read the note'}
        </Button>
      </Stack>
    </Card>
  );
}

/**
 * One supervised episode, read-only: only the parts the client's consent shares — session notes,
 * the score charts and outcome, the goals, the boundary log — and no control that changes them.
 */
export function SupervisedEpisodePage(): ReactElement {
  const { id = '' } = useParams();
  const list = useQuery(supervisedEpisodesQuery());
  const episode = list.data?.find((e) => e.episodeId === id);
  usePageTitle(episode ? `Supervision: ${episode.clientName}` : 'Supervision');
  const shares = episode?.shares ?? [];
  const shown = supervisedSections(shares);
  const notes = useQuery({
    queryKey: episodeKeys.notes(id),
    queryFn: () => listNotes(id),
    enabled: shown.includes('notes'),
  });
  const log = useQuery({ ...boundaryLogQuery(id), enabled: shown.includes('boundary-log') });
  if (list.isPending) return <Loading label="Loading" />;
  if (!episode)
    return (
      <Stack maw={720}>
        <Title order={1}>Supervision</Title>
        <ErrorAlert error={list.error} title="Could not load" />
        <Text>This client's records are not shared with you (or no longer are).</Text>
      </Stack>
    );
  return (
    <Stack maw={800}>
      <Title order={1}>
        {episode.clientName}
        {episode.pronouns ? ` (${episode.pronouns})` : ''}
      </Title>
      <Text>
        Therapist: {episode.therapistName}. Shared with you:{' '}
        {listWords(shares.map((p) => supervisionPartLabels[p]))}. Read-only; every view is recorded.
      </Text>
      {shown.includes('notes') && (
        <Paper
          withBorder
          p={{ base: 'md', sm: 'lg' }}
          component="section"
          aria-labelledby="sv-notes"
        >
          <Title order={2} size="h3" id="sv-notes" mb="xs">
            Session notes
          </Title>
          <ErrorAlert error={notes.error} title="Could not load the notes" />
          {notes.data?.items.length === 0 && <Text size="sm">No notes yet.</Text>}
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {(notes.data?.items ?? []).map((n) => (
              <NoteItem key={n.id} note={n} />
            ))}
          </Stack>
        </Paper>
      )}
      {shown.includes('scores') && <SupervisedScores episodeId={id} />}
      {shown.includes('goals') && <SupervisedGoals episodeId={id} />}
      {shown.includes('boundary-log') && (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="sv-log">
          <Title order={2} size="h3" id="sv-log" mb="xs">
            Boundary and ethics log
          </Title>
          <ErrorAlert error={log.error} title="Could not load the log" />
          {log.data?.length === 0 && <Text size="sm">Nothing logged.</Text>}
          <BoundaryEntries items={log.data ?? []} />
        </Paper>
      )}
    </Stack>
  );
}
