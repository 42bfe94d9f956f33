import { Table, Text } from '@mantine/core';
import type { ImportPreview, ImportRow, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ScrollRegion } from '../../app/scroll-region';

/** Why a row is refused, each problem with the column it is in. */
export function refusalText(row: ImportRow): string {
  return row.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join(' ');
}

function outcomeText(row: ImportRow): ReactElement | string {
  if (row.outcome === 'refused') {
    return (
      <>
        <strong>Not imported.</strong> {refusalText(row)}
      </>
    );
  }
  if (row.pastSessions === 0) return 'New client';
  const sessions = row.pastSessions === 1 ? '1 past session' : `${row.pastSessions} past sessions`;
  return `New client, with ${sessions} in an episode`;
}

/** Every row of the file: what it becomes, or why it cannot be imported. Narrow enough for 390 px. */
export function PreviewTable({ preview }: { preview: Wire<ImportPreview> }): ReactElement {
  const ignored = preview.columns.filter((c) => c.field === null).map((c) => c.header);
  const notKept = preview.columns.filter((c) => c.field === 'address').map((c) => c.header);
  return (
    <>
      {(ignored.length > 0 || notKept.length > 0) && (
        <Text size="sm" c="dimmed">
          {notKept.length > 0 &&
            `Not kept (Throughline stores no postal address): ${notKept.join(', ')}. `}
          {ignored.length > 0 && `Not read: ${ignored.join(', ')}.`}
        </Text>
      )}
      <ScrollRegion label="Rows of the file">
        <Table verticalSpacing="xs" striped>
          <Table.Caption>Rows of the file and what each becomes</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Client</Table.Th>
              <Table.Th scope="col">What happens</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>{row.name ?? 'No name'}</Table.Td>
                <Table.Td>{outcomeText(row)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}
