import { Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import { AlertCard } from '../alerts/alert-card';
import { alertKeys, listOpenAlerts, sortAlerts } from '../alerts/alerts-api';

/** Open alerts across the caseload, urgent first; hidden when there are none. */
export function CaseloadAlerts(): ReactElement | null {
  const alerts = useQuery({ queryKey: alertKeys.open, queryFn: listOpenAlerts });
  if (isApiError(alerts.error) && alerts.error.status === 404) return null;
  if (alerts.isError) return <ErrorAlert error={alerts.error} title="Could not load alerts" />;
  const open = sortAlerts((alerts.data ?? []).filter((a) => a.acknowledgedAt === null));
  if (open.length === 0) return null;
  const urgent = open.filter((a) => a.severity === 'urgent').length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="caseload-alerts">
      <Title order={2} size="h4" id="caseload-alerts" mb="sm">
        Alerts: {open.length} open{urgent > 0 ? `, ${urgent} urgent` : ''}
      </Title>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {open.map((a) => (
          <AlertCard key={a.id} alert={a} showClient />
        ))}
      </Stack>
    </Paper>
  );
}
