import { Button, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { BOUNDARY_ASSESSMENTS, BOUNDARY_KINDS } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { boundaryAssessmentLabels, boundaryKindLabels } from '../../app/labels';
import { Loading } from '../../app/loading';
import { BoundaryEntries } from './boundary-entries';
import { type BoundaryInput, boundaryLogQuery, useAddBoundaryEntry } from './consent-api';

const today = (): string => new Date().toISOString().slice(0, 10);

function EntryForm({ episodeId, onDone }: { episodeId: string; onDone: () => void }): ReactElement {
  const form = useForm<BoundaryInput>({
    initialValues: {
      kind: 'gift',
      assessment: 'crossing',
      occurredOn: today(),
      description: '',
      reflection: '',
      consultation: '',
      codeClause: '',
      followUp: '',
    },
    validate: {
      description: (v) => (v.trim() ? null : 'Say what happened.'),
      occurredOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Choose the day it happened.'),
    },
  });
  const add = useAddBoundaryEntry(episodeId, { onSuccess: onDone });
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))}>
      <Stack gap="xs">
        <Select
          label="What kind of boundary"
          data={BOUNDARY_KINDS.map((k) => ({ value: k, label: boundaryKindLabels[k] }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <Select
          label="Your assessment"
          data={BOUNDARY_ASSESSMENTS.map((k) => ({ value: k, label: boundaryAssessmentLabels[k] }))}
          allowDeselect={false}
          {...form.getInputProps('assessment')}
        />
        <TextInput label="When it happened" type="date" {...form.getInputProps('occurredOn')} />
        <Textarea
          label="What happened"
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Textarea label="Reflection" autosize minRows={2} {...form.getInputProps('reflection')} />
        <Textarea
          label="Consultation sought"
          description="Who you talked it over with, and what they said"
          autosize
          {...form.getInputProps('consultation')}
        />
        <TextInput
          label="Code clause relied on"
          description="For example APA 3.05 or ACA A.6"
          {...form.getInputProps('codeClause')}
        />
        <Textarea label="Follow-up" autosize {...form.getInputProps('followUp')} />
        <ErrorAlert error={add.error} title="Could not add the entry" />
        <Button type="submit" style={{ alignSelf: 'start' }} loading={add.isPending}>
          Add to the log
        </Button>
      </Stack>
    </form>
  );
}

/** The episode's boundary and ethics log (APA 3.05, ACA A.5–A.6): therapist-only, encrypted. */
export function BoundaryLogSection({ episodeId }: { episodeId: string }): ReactElement {
  const log = useQuery(boundaryLogQuery(episodeId));
  const [adding, setAdding] = useState(false);
  const items = log.data ?? [];
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="boundary-log"
    >
      <Title order={2} size="h3" id="boundary-log" mb="xs">
        Boundary and ethics log
      </Title>
      <Text size="sm" mb="sm">
        Gifts, dual-relationship risks, contact outside sessions or after the ending, and
        self-disclosure — with your reflection. Only you can read it; a supervisor sees it only when
        the client's supervision consent includes it. Entries are not edited: add a new one to
        follow up.
      </Text>
      {log.isPending && <Loading label="Loading the boundary log" />}
      <ErrorAlert error={log.error} title="Could not load the boundary log" />
      {log.isSuccess && items.length === 0 && <Text size="sm">Nothing logged yet.</Text>}
      <BoundaryEntries items={items} />
      {adding ? (
        <Stack mt="md">
          <EntryForm episodeId={episodeId} onDone={() => setAdding(false)} />
        </Stack>
      ) : (
        <Button variant="default" mt="md" onClick={() => setAdding(true)}>
          Add an entry
        </Button>
      )}
    </Paper>
  );
}
