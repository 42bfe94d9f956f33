import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Outcome, Wire } from '@throughline/contracts';
import type { ReactElement, ReactNode } from 'react';
import { ScrollRegion } from '../../app/scroll-region';
import { bandText } from './measures-api';

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
      label: 'Case at the start',
      value: yesNo(outcome.caseness.start),
      why: 'A "case" means PHQ-9 ≥ 10 or GAD-7 ≥ 8 on the first paired scores.',
    },
    {
      label: 'Case at the end',
      value: yesNo(outcome.caseness.end),
      why: 'The same caseness rule applied to the last paired scores.',
    },
    {
      label: 'Recovered',
      value: yesNo(outcome.recovered),
      why: 'A case at the start and not a case at the end. Episodes that were not a case at the start are left out of the recovery figure, not counted as failures.',
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
      label: 'Reliable recovery',
      value: yesNo(outcome.reliableRecovery),
      why: 'Recovered and reliably improved.',
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
        <ScrollRegion label="First and last scores">
          <Table style={{ minWidth: 320 }}>
            <Table.Caption>First and last scores per instrument</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Instrument</Table.Th>
                <Table.Th scope="col">First</Table.Th>
                <Table.Th scope="col">Last</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
                <Table.Th scope="col">Category</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcome.instruments.map((i) => (
                <Table.Tr key={i.instrument}>
                  <Table.Th scope="row">{i.instrument.toUpperCase()}</Table.Th>
                  <Table.Td>{i.first ?? '—'}</Table.Td>
                  <Table.Td>{i.last ?? '—'}</Table.Td>
                  <Table.Td>
                    {i.change === null ? '—' : i.change > 0 ? `+${i.change}` : i.change}
                  </Table.Td>
                  <Table.Td>
                    {bandText(i.category)}
                    {i.category && i.reliableChange != null
                      ? ` (reliable change ${i.reliableChange} points${i.instrument === 'pcl-5' ? ", the practice's setting" : ''})`
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
