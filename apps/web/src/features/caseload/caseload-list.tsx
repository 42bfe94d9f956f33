import { Box, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { formatDaysAgo } from '../../app/format';
import { ScrollRegion } from '../../app/scroll-region';
import { AttentionCell, BriefLink, NameCell, NextSessionCell, PhaseCell } from './caseload-cells';
import type { CaseloadRow } from './caseload-rows';

type Props = { rows: CaseloadRow[] };

/** A table on wide screens; a stack of cards on a phone. */
export function CaseloadList({ rows }: Props): ReactElement {
  return (
    <>
      <Box visibleFrom="sm">
        <ScrollRegion label="Clients in your caseload">
          <Table striped highlightOnHover verticalSpacing="sm" style={{ minWidth: 760 }}>
            <Table.Caption>Clients in your caseload</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Client</Table.Th>
                <Table.Th scope="col">Phase</Table.Th>
                <Table.Th scope="col">Next session</Table.Th>
                <Table.Th scope="col">Last contact</Table.Th>
                <Table.Th scope="col">Needs attention</Table.Th>
                <Table.Th scope="col">Brief</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.clientId}>
                  <Table.Td>
                    <NameCell row={row} />
                  </Table.Td>
                  <Table.Td>
                    <PhaseCell row={row} />
                  </Table.Td>
                  <Table.Td>
                    <NextSessionCell row={row} />
                  </Table.Td>
                  <Table.Td>{formatDaysAgo(row.daysSinceLastContact)}</Table.Td>
                  <Table.Td>
                    <AttentionCell row={row} />
                  </Table.Td>
                  <Table.Td>
                    <BriefLink row={row} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Box>
      <Stack hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => (
          <Card key={row.clientId} withBorder component="li">
            <Stack gap="xs">
              <NameCell row={row} />
              <PhaseCell row={row} />
              <Text size="sm">
                <strong>Next session:</strong> <NextSessionCell row={row} />
              </Text>
              <Text size="sm">
                <strong>Last contact:</strong> {formatDaysAgo(row.daysSinceLastContact)}
              </Text>
              <AttentionCell row={row} />
              <Group>
                <BriefLink row={row} />
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}
