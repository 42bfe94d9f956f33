import { Table, VisuallyHidden } from '@mantine/core';
import type { InstrumentScores, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatDate } from '../../app/format';
import { ScrollRegion } from '../../app/scroll-region';
import { bandText } from './measures-api';

/** The text alternative of a score chart: every point, its band, flags and alerts. */
export function ScoreTable({
  scores,
  alertResponses,
  title,
  visuallyHidden = true,
}: {
  scores: Wire<InstrumentScores>;
  alertResponses: Set<string>;
  title: string;
  visuallyHidden?: boolean;
}): ReactElement {
  const table = (
    <Table>
      <Table.Caption>{title} scores by session</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Session</Table.Th>
          <Table.Th scope="col">Date</Table.Th>
          <Table.Th scope="col">Score</Table.Th>
          <Table.Th scope="col">Band</Table.Th>
          <Table.Th scope="col">Flags and alerts</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scores.series.map((p, i) => {
          const notes = [...p.flags.map(bandText)];
          if (alertResponses.has(p.responseId)) notes.push('alert raised');
          return (
            <Table.Tr key={p.responseId}>
              <Table.Th scope="row">{p.sessionNumber ?? `Response ${i + 1}`}</Table.Th>
              <Table.Td>{formatDate(p.completedAt)}</Table.Td>
              <Table.Td>
                {p.percentage !== undefined ? `${p.total} (${p.percentage}%)` : p.total}
              </Table.Td>
              <Table.Td>{bandText(p.band)}</Table.Td>
              <Table.Td>{notes.length ? notes.join(', ') : '—'}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
  // Hidden, it is the chart's text alternative and takes no width; shown, it may scroll sideways.
  return visuallyHidden ? (
    <VisuallyHidden>{table}</VisuallyHidden>
  ) : (
    <ScrollRegion label={`${title} scores`}>{table}</ScrollRegion>
  );
}
