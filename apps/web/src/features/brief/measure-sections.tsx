import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { gasLevelLabel } from '@throughline/clinical';
import type { Alert, BriefGoal, BriefMeasure, DiscussionItem, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatDate } from '../../app/format';
import { changeCategoryText } from '../../app/labels';
import { ScrollRegion } from '../../app/scroll-region';
import { AlertWhy } from '../alerts/alert-card';
import { kindLabel } from '../alerts/alerts-api';
import { bandText } from '../measures/measures-api';
import { RiskFirst } from '../measures/risk-first';

const signed = (n: number | null): string => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

export function MeasuresBrief({
  items,
  alerts = [],
}: {
  items: Wire<BriefMeasure>[];
  alerts?: Wire<Alert>[];
}): ReactElement {
  if (items.length === 0) return <Text>No questionnaires completed yet.</Text>;
  return (
    <Stack gap="sm">
      <RiskFirst alerts={alerts} where="under Alerts, above" />
      <ScrollRegion label="Scores table">
        <Table style={{ minWidth: 320 }}>
          <Table.Caption>Latest score per questionnaire before this session</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Questionnaire</Table.Th>
              <Table.Th scope="col">Latest</Table.Th>
              <Table.Th scope="col">Since last</Table.Th>
              <Table.Th scope="col">Since first</Table.Th>
              <Table.Th scope="col">Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.instrument}>
                <Table.Th scope="row">{m.title}</Table.Th>
                <Table.Td>
                  {m.last} ({bandText(m.band)}), {formatDate(m.lastAt)}
                </Table.Td>
                <Table.Td>{signed(m.changeSinceLast)}</Table.Td>
                <Table.Td>{signed(m.changeSinceFirst)}</Table.Td>
                <Table.Td>{changeCategoryText(m.category)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

export function AlertsBrief({ items }: { items: Wire<Alert>[] }): ReactElement {
  if (items.length === 0) return <Text>No open alerts.</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((a) => (
        <li key={a.id}>
          <Group gap="xs">
            <Badge
              color={a.severity === 'urgent' ? 'red.9' : 'orange'}
              variant={a.severity === 'urgent' ? 'filled' : 'outline'}
              c={a.severity === 'urgent' ? 'white' : 'dark.9'}
              tt="none"
            >
              {a.severity === 'urgent' ? 'Urgent' : 'Warning'}
            </Badge>
            <Text fw={600}>{kindLabel(a.kind)}</Text>
            <Text size="sm">{formatDate(a.createdAt)}</Text>
          </Group>
          <Text size="sm">{a.explanation}</Text>
          <AlertWhy alert={a} />
        </li>
      ))}
    </Stack>
  );
}

export function GoalsBrief({ items }: { items: Wire<BriefGoal>[] }): ReactElement {
  if (items.length === 0) return <Text>No active goals.</Text>;
  return (
    <Stack component="ul" gap="sm" pl="md" m={0}>
      {items.map((g) => (
        <li key={g.id}>
          <Text fw={500}>“{g.clientWords}”</Text>
          <Text size="sm">{g.therapistWords}</Text>
          <Text size="sm">
            Last review:{' '}
            {g.latestReview
              ? `${gasLevelLabel(g.latestReview.level)} (${formatDate(g.latestReview.reviewedAt)})`
              : 'not reviewed yet'}
          </Text>
          {g.latestClientRating && (
            <Text size="sm">
              Client says: {gasLevelLabel(g.latestClientRating.level)}
              {g.latestClientRating.comment ? ` — “${g.latestClientRating.comment}”` : ''}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}

const sourceText = { alert: 'after an alert', review: 'after a review', manual: '' };

export function ToDiscussBrief({ items }: { items: Wire<DiscussionItem>[] }): ReactElement {
  if (items.length === 0) return <Text>Nothing noted.</Text>;
  return (
    <Stack component="ul" gap={4} pl="md" m={0}>
      {items.map((d) => (
        <li key={d.id}>
          <Text>
            {d.text}{' '}
            <Text span size="sm">
              ({[sourceText[d.source.kind], formatDate(d.createdAt)].filter(Boolean).join(', ')})
            </Text>
          </Text>
        </li>
      ))}
    </Stack>
  );
}
