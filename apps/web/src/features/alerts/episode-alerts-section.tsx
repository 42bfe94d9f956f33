import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { AlertCard } from './alert-card';
import { episodeAlertsQuery, sortAlerts } from './alerts-api';

/** Open alerts first (urgent at the top), then the acknowledged ones, greyed. */
export function EpisodeAlertsSection({ episodeId }: { episodeId: string }): ReactElement {
  const alerts = useQuery(episodeAlertsQuery(episodeId));
  const list = alerts.data ?? [];
  const open = sortAlerts(list.filter((a) => a.acknowledgedAt === null));
  const done = list.filter((a) => a.acknowledgedAt !== null);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="alerts">
      <Stack gap="sm">
        <Title order={2} size="h3" id="alerts">
          Alerts{open.length > 0 ? ` (${open.length} open)` : ''}
        </Title>
        {alerts.isPending && <Loading label="Loading alerts" />}
        {!(isApiError(alerts.error) && alerts.error.status === 404) && (
          <ErrorAlert error={alerts.error} title="Could not load alerts" />
        )}
        {alerts.isSuccess && list.length === 0 && <Text>No alerts for this episode.</Text>}
        {open.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {open.map((a) => (
              <AlertCard key={a.id} alert={a} />
            ))}
          </Stack>
        )}
        {done.length > 0 && (
          <details>
            <summary style={{ cursor: 'pointer' }}>
              <Text span>Acknowledged alerts ({done.length})</Text>
            </summary>
            <Stack component="ul" gap="sm" p={0} mt="sm" mb={0} style={{ listStyle: 'none' }}>
              {done.map((a) => (
                <AlertCard key={a.id} alert={a} />
              ))}
            </Stack>
          </details>
        )}
      </Stack>
    </Paper>
  );
}
