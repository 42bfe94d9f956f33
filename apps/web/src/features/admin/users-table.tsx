import { Badge, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import type { User } from '../../api/types';
import { formatDate } from '../../app/format';
import { roleLabels } from '../../app/roles';
import { ScrollRegion } from '../../app/scroll-region';
import { StatusBadge } from '../../app/status-badge';

export function UsersTable({ users }: { users: User[] }): ReactElement {
  return (
    <ScrollRegion label="Users (scrolls sideways)">
      <Table striped verticalSpacing="sm" style={{ minWidth: 640 }}>
        <Table.Caption>People with an account in this practice</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">E-mail</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Two-factor</Table.Th>
            <Table.Th scope="col">Added</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td fw={500}>{user.displayName}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color="gray" variant="light" tt="none">
                  {roleLabels[user.role]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={user.status} />
              </Table.Td>
              <Table.Td>
                <Badge color={user.twoFactorEnabled ? 'teal' : 'gray'} variant="light" tt="none">
                  {user.twoFactorEnabled ? 'On' : 'Off'}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDate(user.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
