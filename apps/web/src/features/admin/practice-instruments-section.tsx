import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PracticeInstrument, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { InstrumentImportForm } from './instrument-import-form';
import {
  listPracticeInstruments,
  practiceInstrumentsKey,
  useRetireInstrument,
} from './practice-instruments-api';

function InstrumentCard({ instrument }: { instrument: Wire<PracticeInstrument> }): ReactElement {
  const retire = useRetireInstrument();
  const retired = instrument.retiredAt !== null;
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{instrument.title}</Text>
            {retired && (
              <Badge color="gray" variant="light">
                retired
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {instrument.items.length} questions, totals {instrument.scoreRange.min}–
            {instrument.scoreRange.max}
            {instrument.bands.length > 0
              ? `; bands: ${instrument.bands.map((b) => b.label).join(', ')}`
              : ''}
            . Version {instrument.version}.
          </Text>
        </Stack>
        {!retired && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            loading={retire.isPending}
            onClick={() => retire.mutate(instrument.key)}
          >
            Retire
          </Button>
        )}
      </Group>
      <ErrorAlert error={retire.error} title="Could not retire it" />
    </Card>
  );
}

/**
 * "Instruments from other sources": the practice's own questionnaires, imported from FHIR
 * Questionnaires, and the form to import one (docs/measures.md, "Custom instruments").
 */
export function PracticeInstrumentsSection(): ReactElement {
  const list = useQuery({ queryKey: practiceInstrumentsKey, queryFn: listPracticeInstruments });
  return (
    <Stack component="section" aria-labelledby="own-instruments-heading">
      <Title order={2} size="h3" id="own-instruments-heading">
        Instruments from other sources
      </Title>
      <Text size="sm">
        These are not validated by Throughline: they are scored by the points in the form and the
        bands you give, and clients never see their bands. A retired questionnaire cannot be planned
        or sent; answers already given stay readable.
      </Text>
      {list.isPending && <Loading label="Loading the practice's questionnaires" />}
      <ErrorAlert error={list.error} title="Could not load the practice's questionnaires" />
      {list.data?.items.map((i) => (
        <InstrumentCard key={i.key} instrument={i} />
      ))}
      <InstrumentImportForm />
    </Stack>
  );
}
