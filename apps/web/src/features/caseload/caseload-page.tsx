import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { usePageTitle } from '../../app/page-title';
import { clientsKey, listClients } from './caseload-api';
import { ClientsTable } from './clients-table';
import { InviteClientModal } from './invite-client-modal';

export function CaseloadPage(): ReactElement {
  usePageTitle('Caseload');
  const [inviting, invite] = useDisclosure(false);
  const clients = useInfiniteQuery({
    queryKey: clientsKey,
    queryFn: ({ pageParam }) => listClients(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = clients.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="center">
        <Title order={1}>Caseload</Title>
        <Button onClick={invite.open}>Invite client</Button>
      </Group>
      <InviteClientModal opened={inviting} onClose={invite.close} />
      {clients.isPending && (
        <Center p="xl">
          <Loader aria-label="Loading clients" />
        </Center>
      )}
      <ErrorAlert error={clients.error} title="Could not load your caseload" />
      {clients.isSuccess && items.length === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>No clients yet.</Text>
          <Text c="dimmed" size="sm">
            Invite your first client: they receive an e-mail to join the client portal.
          </Text>
        </Paper>
      )}
      {items.length > 0 && <ClientsTable clients={items} />}
      {clients.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void clients.fetchNextPage()}
          loading={clients.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          Show more clients
        </Button>
      )}
    </Stack>
  );
}
