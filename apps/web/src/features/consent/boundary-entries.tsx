import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { BoundaryEntry, Wire } from '@throughline/contracts';
import { type ReactElement, useId } from 'react';
import { formatDate } from '../../app/format';
import { boundaryAssessmentLabels, boundaryKindLabels } from '../../app/labels';

function Part({ label, value }: { label: string; value: string }): ReactElement | null {
  if (!value) return null;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** The entries of a boundary and ethics log, newest happening first (read-only). */
export function BoundaryEntries({ items }: { items: Wire<BoundaryEntry>[] }): ReactElement {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((e) => (
        <BoundaryEntryCard key={e.id} entry={e} />
      ))}
    </Stack>
  );
}

function BoundaryEntryCard({ entry }: { entry: Wire<BoundaryEntry> }): ReactElement {
  const headingId = useId();
  return (
    <Card withBorder component="li" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {boundaryKindLabels[entry.kind]}, {formatDate(entry.occurredOn)}
          </Title>
          <Badge
            variant="outline"
            color={entry.assessment === 'violation' ? 'red' : 'gray'}
            c="dark.7"
            tt="none"
          >
            {boundaryAssessmentLabels[entry.assessment]}
          </Badge>
        </Group>
        <Part label="What happened" value={entry.description} />
        <Part label="Reflection" value={entry.reflection} />
        <Part label="Consultation" value={entry.consultation} />
        <Part label="Code clause relied on" value={entry.codeClause} />
        <Part label="Follow-up" value={entry.followUp} />
        <Text size="xs" c="dimmed">
          Written by {entry.authorName}
        </Text>
      </Stack>
    </Card>
  );
}
