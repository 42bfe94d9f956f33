import { Badge, Card, List, Stack, Text, Title } from '@mantine/core';
import type { PracticeInstrument, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';

const DIRECTION_WORDS = {
  'lower-is-better': 'A lower total is better.',
  'higher-is-better': 'A higher total is better.',
} as const;

/** An imported questionnaire as it will be asked and scored: items, answers, bands. */
export function InstrumentPreview({
  instrument,
}: {
  instrument: Wire<PracticeInstrument>;
}): ReactElement {
  const { scoreRange, bands } = instrument;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {instrument.title}
        </Title>
        <Text size="sm">{instrument.instructions}</Text>
        <Text size="sm" fw={600}>
          Questions
        </Text>
        <List type="ordered" size="sm" spacing={4}>
          {instrument.items.map((item) => (
            <List.Item key={item.number}>
              {item.text}{' '}
              {item.reverseScored && (
                <Badge size="xs" variant="light" color="grape">
                  scored in reverse
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
        <Text size="sm" fw={600}>
          Answers and their points
        </Text>
        <Text size="sm">
          {instrument.options.map((o) => `${o.label} (${o.value})`).join(' · ')}
        </Text>
        <Text size="sm">
          Totals run from {scoreRange.min} to {scoreRange.max}.{' '}
          {DIRECTION_WORDS[instrument.direction]}
        </Text>
        {bands.length > 0 ? (
          <List size="sm" spacing={2}>
            {bands.map((b) => (
              <List.Item key={b.label}>
                {b.min}–{b.max}: {b.label}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">No score bands: totals are shown without a band.</Text>
        )}
        {instrument.clinicalCutoff !== null && (
          <Text size="sm">Clinical cut-off: {instrument.clinicalCutoff}.</Text>
        )}
        {instrument.reliableChange !== null && (
          <Text size="sm">Reliable change: {instrument.reliableChange} points.</Text>
        )}
        <Text size="xs" c="dimmed">
          {instrument.attribution}
        </Text>
      </Stack>
    </Card>
  );
}
