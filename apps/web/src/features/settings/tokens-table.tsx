import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiToken, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate, formatDateTime } from '../../app/format';
import { ScrollRegion } from '../../app/scroll-region';
import { useRevokeToken } from './settings-api';

function tokenState(token: Wire<ApiToken>): { label: string; color: string } {
  if (token.revokedAt) return { label: 'Revoked', color: 'gray' };
  if (new Date(token.expiresAt).getTime() < Date.now()) return { label: 'Expired', color: 'gray' };
  return { label: 'Active', color: 'teal' };
}

export function TokensTable({ tokens }: { tokens: Wire<ApiToken>[] }): ReactElement {
  const [revoking, setRevoking] = useState<Wire<ApiToken> | null>(null);
  const mutation = useRevokeToken({
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Token revoked.' });
      setRevoking(null);
    },
  });
  const close = (): void => {
    mutation.reset();
    setRevoking(null);
  };

  return (
    <>
      <ScrollRegion label="Your personal API tokens">
        <Table verticalSpacing="sm" style={{ minWidth: 600 }}>
          <Table.Caption>Your personal API tokens</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
              <Table.Th scope="col">Expires</Table.Th>
              <Table.Th scope="col">Last used</Table.Th>
              <Table.Th scope="col">
                <span className="mantine-visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => {
              const state = tokenState(token);
              return (
                <Table.Tr key={token.id}>
                  <Table.Td fw={500}>{token.name}</Table.Td>
                  <Table.Td>
                    <Badge color={state.color} variant="light" tt="none">
                      {state.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(token.createdAt)}</Table.Td>
                  <Table.Td>{formatDate(token.expiresAt)}</Table.Td>
                  <Table.Td>
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}
                  </Table.Td>
                  <Table.Td>
                    {state.label === 'Active' && (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red"
                        aria-label={`Revoke ${token.name}`}
                        onClick={() => setRevoking(token)}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Modal opened={revoking !== null} onClose={close} title="Revoke this token?" centered>
        <Stack>
          <Text>
            Programs using “{revoking?.name}” will stop working at once. This cannot be undone.
          </Text>
          <ErrorAlert error={mutation.error} title="Could not revoke the token" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={mutation.isPending}
              onClick={() => revoking && mutation.mutate(revoking.id)}
            >
              Revoke token
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
