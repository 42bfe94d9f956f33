import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { AftercareCount } from '../check-ins/aftercare-count';
import { RecordRequestsCount } from '../record-copy/record-requests-count';
import { CaseloadAlerts } from './caseload-alerts';
import { caseloadKeys, clientListKey, getCaseload, listClients } from './caseload-api';
import { CaseloadList } from './caseload-list';
import { mergeCaseload, sortByAlerts } from './caseload-rows';
import { InviteClientModal } from './invite-client-modal';

export function CaseloadPage(): ReactElement {
  usePageTitle('Caseload');
  const [inviting, invite] = useDisclosure(false);
  const clients = useInfiniteQuery({
    queryKey: clientListKey,
    queryFn: ({ pageParam }) => listClients(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const caseload = useQuery({ queryKey: caseloadKeys.all, queryFn: getCaseload });
  const rows = sortByAlerts(
    mergeCaseload(
      clients.data?.pages.flatMap((page) => page.items) ?? [],
      caseload.data?.items ?? [],
    ),
  );
  // Until the caseload endpoint is served, the list of clients alone still works.
  const caseloadError =
    caseload.isError && !(isApiError(caseload.error) && caseload.error.status === 404)
      ? caseload.error
      : null;

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="center">
        <Title order={1}>Caseload</Title>
        <Group gap="sm">
          <Button component={Link} to="/clients/import" variant="default">
            Move clients in
          </Button>
          <Button onClick={invite.open}>Invite client</Button>
        </Group>
      </Group>
      <InviteClientModal opened={inviting} onClose={invite.close} />
      <CaseloadAlerts />
      <AftercareCount />
      <RecordRequestsCount />
      {clients.isPending && (
        <Center p="xl">
          <Loading label="Loading clients" />
        </Center>
      )}
      <ErrorAlert error={clients.error} title="Could not load your caseload" />
      <ErrorAlert error={caseloadError} title="Could not load sessions and open items" />
      {clients.isSuccess && rows.length === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>No clients yet.</Text>
          <Text c="dimmed" size="sm">
            Invite your first client: they receive an e-mail to join the client portal.
          </Text>
        </Paper>
      )}
      {rows.length > 0 && <CaseloadList rows={rows} />}
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
