import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Appointment, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { appointmentStatusLabels } from '../../app/labels';
import { CancelModal } from '../episodes/appointment-modals';
import { useChangeAppointment } from '../episodes/episodes-api';

/** What became of a session, in words ("Cancelled by the client, late"). */
function statusText(a: Wire<Appointment>): string {
  if (a.status !== 'cancelled') return appointmentStatusLabels[a.status];
  const by = a.cancelledBy ? ` by the ${a.cancelledBy}` : '';
  return `Cancelled${by}${a.lateCancellation ? ', with less than 24 hours’ notice' : ''}`;
}

/** The session's status, and the actions to record what happened, right on its page. */
export function SessionAttendance({
  appointment,
}: {
  appointment: Wire<Appointment>;
}): ReactElement {
  const [cancelling, setCancelling] = useState(false);
  const change = useChangeAppointment({});
  const begun = new Date(appointment.startsAt).getTime() <= Date.now();
  const scheduled = appointment.status === 'scheduled';
  const mark = (status: 'attended' | 'no-show'): void =>
    change.mutate({ id: appointment.id, change: { status } });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="attendance">
      <Stack gap="sm">
        <Title order={2} size="h3" id="attendance">
          Attendance
        </Title>
        <Group gap="sm">
          <Text>Status:</Text>
          <Badge variant="outline" color="gray" c="dark.7" tt="none" size="lg">
            {statusText(appointment)}
          </Badge>
        </Group>
        {scheduled && !begun && (
          <Text size="sm">Attendance can be recorded once the session has begun.</Text>
        )}
        {scheduled && (
          <Group gap="sm">
            {begun && (
              <>
                <Button loading={change.isPending} onClick={() => mark('attended')}>
                  Mark attended
                </Button>
                <Button
                  variant="default"
                  disabled={change.isPending}
                  onClick={() => mark('no-show')}
                >
                  Did not attend
                </Button>
              </>
            )}
            <Button variant="default" color="red" onClick={() => setCancelling(true)}>
              Cancel the session…
            </Button>
          </Group>
        )}
        <ErrorAlert error={change.error} title="Could not record that" />
      </Stack>
      {cancelling && <CancelModal appointment={appointment} onClose={() => setCancelling(false)} />}
    </Paper>
  );
}
