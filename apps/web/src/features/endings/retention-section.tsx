import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { RetentionDueItem, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { DestroyRecordModal } from './destroy-record-modal';
import { calendarDateWords } from './ending-words';
import { useRetentionDue, useRetentionSettings } from './endings-api';
import { RetentionSettingsForm } from './retention-settings-form';

/** The admin page's "Record retention": the two settings and the records due for review. */
export function RetentionSection(): ReactElement {
  const settings = useRetentionSettings();
  const due = useRetentionDue();
  const [destroying, setDestroying] = useState<Wire<RetentionDueItem> | null>(null);
  return (
    <Stack component="section" aria-labelledby="retention-heading">
      <Title order={2} size="h3" id="retention-heading">
        Record retention
      </Title>
      {settings.isPending && <Loading label="Loading record retention" />}
      <ErrorAlert error={settings.error} title="Could not load record retention" />
      {settings.data && <RetentionSettingsForm value={settings.data} />}
      <Title order={3} size="h4">
        Records due for review
      </Title>
      {due.isPending && <Loading label="Loading records due for review" />}
      <ErrorAlert error={due.error} title="Could not load the records due for review" />
      {due.data?.length === 0 && <Text>No closed record has reached its retention date.</Text>}
      {due.data?.map((item) => (
        <Card key={item.episodeId} withBorder>
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={2}>
              <Text fw={500}>{item.clientName}</Text>
              <Text size="sm">
                Episode with {item.therapistName}, closed{' '}
                {formatInZone(item.closedAt, null, { dateOnly: true })}; last service{' '}
                {calendarDateWords(item.lastServiceOn)}
              </Text>
              <Text size="sm">
                Kept until {calendarDateWords(item.retainUntil)}
                {item.basis === 'majority' ? ' (counted from when the client came of age)' : ''}
              </Text>
            </Stack>
            <Button
              color="red"
              variant="light"
              aria-label={`Destroy the record of ${item.clientName}`}
              onClick={() => setDestroying(item)}
            >
              Destroy…
            </Button>
          </Group>
        </Card>
      ))}
      {destroying && <DestroyRecordModal item={destroying} onClose={() => setDestroying(null)} />}
    </Stack>
  );
}
