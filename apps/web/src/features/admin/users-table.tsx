import { Badge, Button, Table, Text } from '@mantine/core';
import type { User, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { formatDate } from '../../app/format';
import { roleLabels } from '../../app/roles';
import { ScrollRegion } from '../../app/scroll-region';
import { StatusBadge } from '../../app/status-badge';
import { AccountAccessModal } from './account-access-modal';

export function UsersTable({ users }: { users: Wire<User>[] }): ReactElement {
  const [changing, setChanging] = useState<Wire<User> | null>(null);
  return (
    <ScrollRegion label="Users table">
      <AccountAccessModal user={changing} onClose={() => setChanging(null)} />
      <Table striped verticalSpacing="sm" style={{ minWidth: 860 }}>
        <Table.Caption>People with an account in this practice</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">E-mail</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Two-factor</Table.Th>
            <Table.Th scope="col">Added</Table.Th>
            <Table.Th scope="col">Access</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td fw={500}>{user.displayName}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {user.email ?? user.username ?? 'No sign-in name yet'}
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
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`${user.status === 'deactivated' ? 'Reactivate' : 'Deactivate'} ${user.displayName}`}
                  onClick={() => setChanging(user)}
                >
                  {user.status === 'deactivated' ? 'Reactivate' : 'Deactivate'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
