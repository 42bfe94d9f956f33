import { Anchor, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import type { Client } from '../../api/types';
import { formatDate } from '../../app/format';
import { StatusBadge } from '../../app/status-badge';

export function ClientsTable({ clients }: { clients: Client[] }): ReactElement {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>Clients in your caseload</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">E-mail</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Added</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.id}>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${client.id}`} fw={500}>
                  {client.displayName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {client.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={client.status} />
              </Table.Td>
              <Table.Td>{formatDate(client.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
