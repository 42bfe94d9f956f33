import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Appointment, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { appointmentStatusLabels, modalityLabels } from '../../app/labels';
import { Loading } from '../../app/loading';
import { type AppointmentDialog, CancelModal, RescheduleModal } from './appointment-modals';
import { episodeKeys, listAppointments, useChangeAppointment } from './episodes-api';
import { ScheduleForm } from './schedule-form';

function AppointmentItem(props: {
  appointment: Wire<Appointment>;
  onDialog: (dialog: AppointmentDialog) => void;
}): ReactElement {
  const { appointment: a, onDialog } = props;
  const change = useChangeAppointment({});
  const when = formatInZone(a.startsAt, a.timeZone);
  const started = new Date(a.startsAt).getTime() <= Date.now();
  const modality = modalityLabels[a.modality];
  return (
    <Stack component="li" gap={4}>
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Anchor component={Link} to={`/sessions/${a.id}`} fw={500}>
            {when}
          </Anchor>
          <Text size="sm">
            {modality}
            {a.location ? `, ${a.location}` : ''}
            {a.seriesId ? ' · part of a series' : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="outline" color="gray" c="dark.7" tt="none">
            {appointmentStatusLabels[a.status]}
            {a.status === 'cancelled' && a.cancelledBy ? ` by ${a.cancelledBy}` : ''}
            {a.status === 'cancelled' && a.cancelledBecause === 'ending-plan'
              ? ' by the agreed ending plan'
              : ''}
            {a.lateCancellation ? ' (late)' : ''}
          </Badge>
          {a.status === 'scheduled' && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" size="xs" aria-label={`Actions for the session ${when}`}>
                  Actions
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  disabled={!started}
                  onClick={() => change.mutate({ id: a.id, change: { status: 'attended' } })}
                >
                  Attended
                </Menu.Item>
                <Menu.Item
                  disabled={!started}
                  onClick={() => change.mutate({ id: a.id, change: { status: 'no-show' } })}
                >
                  No-show
                </Menu.Item>
                <Menu.Item onClick={() => onDialog({ kind: 'reschedule', appointment: a })}>
                  Reschedule…
                </Menu.Item>
                <Menu.Item onClick={() => onDialog({ kind: 'cancel', appointment: a })}>
                  Cancel…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {a.status !== 'cancelled' && (
        <Checkbox
          size="xs"
          label="Assessment session (not counted as treatment in the outcome)"
          checked={a.kind === 'assessment'}
          disabled={change.isPending}
          onChange={(event) =>
            change.mutate({
              id: a.id,
              change: { kind: event.currentTarget.checked ? 'assessment' : 'treatment' },
            })
          }
        />
      )}
      <ErrorAlert error={change.error} title="Could not record that" />
    </Stack>
  );
}

function AppointmentList(props: {
  title: string;
  items: Wire<Appointment>[];
  onDialog: (dialog: AppointmentDialog) => void;
}): ReactElement {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {props.title}
      </Title>
      {props.items.length === 0 && <Text size="sm">None.</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {props.items.map((a) => (
          <AppointmentItem key={a.id} appointment={a} onDialog={props.onDialog} />
        ))}
      </Stack>
    </Stack>
  );
}

export function AppointmentsSection({ episodeId }: { episodeId: string }): ReactElement {
  const [scheduling, setScheduling] = useState(false);
  const [dialog, setDialog] = useState<AppointmentDialog | null>(null);
  const query = useQuery({
    queryKey: episodeKeys.appointments(episodeId),
    queryFn: () => listAppointments(episodeId),
  });
  const now = Date.now();
  const all = [...(query.data?.items ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const upcoming = all.filter((a) => new Date(a.endsAt).getTime() >= now);
  const past = all.filter((a) => new Date(a.endsAt).getTime() < now).reverse();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="sessions">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="sessions">
          Sessions
        </Title>
        {!scheduling && <Button onClick={() => setScheduling(true)}>Schedule</Button>}
      </Group>
      {scheduling && <ScheduleForm episodeId={episodeId} onDone={() => setScheduling(false)} />}
      {query.isPending && <Loading label="Loading sessions" />}
      <ErrorAlert error={query.error} title="Could not load the sessions" />
      {query.isSuccess && (
        <Stack gap="lg" mt="md">
          <AppointmentList title="Upcoming" items={upcoming} onDialog={setDialog} />
          <AppointmentList title="Past" items={past} onDialog={setDialog} />
        </Stack>
      )}
      {dialog?.kind === 'cancel' && (
        <CancelModal appointment={dialog.appointment} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'reschedule' && (
        <RescheduleModal appointment={dialog.appointment} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}
