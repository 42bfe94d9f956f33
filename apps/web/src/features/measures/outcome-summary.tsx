import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Outcome, Wire } from '@throughline/contracts';
import type { ReactElement, ReactNode } from 'react';
import { changeCategoryText } from '../../app/labels';
import { ScrollRegion } from '../../app/scroll-region';
import { instrumentName } from './instrument-names';

function Why({ children }: { children: ReactNode }): ReactElement {
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>
        <Text span size="sm" td="underline">
          Why?
        </Text>
      </summary>
      <Text size="sm" mt={4}>
        {children}
      </Text>
    </details>
  );
}

function yesNo(value: boolean | null): string {
  if (value === null) return 'Not applicable';
  return value ? 'Yes' : 'No';
}

const SOURCE = 'NHS Talking Therapies convention (CLINICAL.md §3), PHQ-9 paired with GAD-7.';

/** The episode outcome with the rule behind each line. No judgement: the clinician decides. */
export function OutcomeSummary({ outcome }: { outcome: Wire<Outcome> }): ReactElement {
  const rows: { label: string; value: string; why: string }[] = [
    {
      label: 'In the clinical range at the start',
      value: yesNo(outcome.caseness.start),
      why: 'PHQ-9 was 10 or more, or GAD-7 was 8 or more, on the first PHQ-9 and GAD-7 completed together (what the convention calls "caseness").',
    },
    {
      label: 'In the clinical range at the end',
      value: yesNo(outcome.caseness.end),
      why: 'The same thresholds, on the last PHQ-9 and GAD-7 completed together.',
    },
    {
      label: 'Recovered',
      value: yesNo(outcome.recovered),
      why: 'In the clinical range at the start and out of it at the end. Episodes that started outside the clinical range are left out of the recovery figure, not counted as failures.',
    },
    {
      label: 'Reliable improvement',
      value: yesNo(outcome.reliableImprovement),
      why: 'PHQ-9 fell by 6 or more or GAD-7 fell by 4 or more, and neither rose by its reliable-change value.',
    },
    {
      label: 'Reliable deterioration',
      value: yesNo(outcome.reliableDeterioration),
      why: 'PHQ-9 rose by 6 or more or GAD-7 rose by 4 or more, and neither reliably improved.',
    },
    {
      label: 'Recovered and reliably improved',
      value: yesNo(outcome.reliableRecovery),
      why: 'Both of the above: what the convention calls "reliable recovery".',
    },
  ];
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Title order={3} size="h4">
          Episode outcome
        </Title>
        <Badge variant="outline" color={outcome.eligible ? 'teal' : 'gray'} c="dark.7" tt="none">
          {outcome.eligible ? 'Eligible' : 'Not eligible'}
        </Badge>
        {outcome.provisional && (
          <Badge variant="outline" color="gray" c="dark.7" tt="none">
            Provisional
          </Badge>
        )}
      </Group>
      {outcome.provisional && (
        <Text size="sm">
          Provisional: the episode has not ended, so these figures may still change. Reports of
          finished treatment count ended episodes only.
        </Text>
      )}
      {outcome.attendedTreatmentSessions !== undefined && (
        <Text size="sm">
          {outcome.attendedTreatmentSessions} attended treatment{' '}
          {outcome.attendedTreatmentSessions === 1 ? 'session' : 'sessions'}
          {outcome.attendedSessions > outcome.attendedTreatmentSessions
            ? ` (assessment sessions not counted: ${outcome.attendedSessions - outcome.attendedTreatmentSessions})`
            : ''}
          .
        </Text>
      )}
      {!outcome.eligible && (
        <Stack gap={2}>
          <Text size="sm">
            {outcome.reason ?? 'The rules exclude this episode from outcome figures.'}
          </Text>
          <Why>
            An episode counts as finished treatment after at least two attended treatment sessions;
            otherwise it is reported as not eligible. {SOURCE}
          </Why>
        </Stack>
      )}
      {outcome.eligible && (
        <Stack component="dl" gap="xs" m={0}>
          {rows.map((row) => (
            <div key={row.label}>
              <Text component="dt" fw={500} size="sm">
                {row.label}: <Text span>{row.value}</Text>
              </Text>
              <Text component="dd" m={0}>
                <Why>
                  {row.why} {SOURCE}
                </Why>
              </Text>
            </div>
          ))}
        </Stack>
      )}
      {outcome.instruments.length > 0 && (
        <ScrollRegion label="First and latest scores">
          <Table style={{ minWidth: 320 }}>
            <Table.Caption>First and latest score of each questionnaire</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Questionnaire</Table.Th>
                <Table.Th scope="col">First</Table.Th>
                <Table.Th scope="col">Latest</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
                <Table.Th scope="col">What the change means</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcome.instruments.map((i) => (
                <Table.Tr key={i.instrument}>
                  <Table.Th scope="row">{instrumentName(i.instrument)}</Table.Th>
                  <Table.Td>{i.first ?? '—'}</Table.Td>
                  <Table.Td>{i.last ?? '—'}</Table.Td>
                  <Table.Td>
                    {i.change === null ? '—' : i.change > 0 ? `+${i.change}` : i.change}
                  </Table.Td>
                  <Table.Td>
                    {i.category
                      ? changeCategoryText(i.category)
                      : i.reliableChange === null
                        ? 'Not judged: this questionnaire has no reliable-change value'
                        : 'Not enough scores to compare'}
                    {i.category && i.reliableChange != null
                      ? ` (a reliable change is ${i.reliableChange} points or more${i.instrument === 'pcl-5' ? ", the practice's setting" : ''})`
                      : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}
