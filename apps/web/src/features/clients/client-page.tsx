import { Anchor, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { StatusBadge } from '../../app/status-badge';
import { AccessReportSection } from '../access-report/access-report-section';
import { ClientDetailsCard } from './client-details-card';
import { clientKeys, getClient } from './clients-api';
import { EpisodesSection } from './episodes-section';
import { TimelineSection } from './timeline-section';

export function ClientPage(): ReactElement {
  const id = useParams().id ?? '';
  const client = useQuery({ queryKey: clientKeys.detail(id), queryFn: () => getClient(id) });
  usePageTitle(client.data?.displayName ?? 'Client');

  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/" size="sm">
        ← Back to caseload
      </Anchor>
      {client.isPending && <Loading label="Loading client" />}
      {client.isError && (
        <>
          <Title order={1}>Client</Title>
          <ErrorAlert error={client.error} title="Could not load this client" />
        </>
      )}
      {client.data && (
        <>
          <Group gap="sm" align="center">
            <Title order={1}>{client.data.displayName}</Title>
            <StatusBadge status={client.data.status} />
          </Group>
          <ClientDetailsCard client={client.data} />
          <EpisodesSection clientId={id} />
          <TimelineSection clientId={id} />
          <AccessReportSection clientId={id} />
        </>
      )}
    </Stack>
  );
}
