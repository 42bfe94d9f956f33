import { Button, Group, Modal, NumberInput, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Appointment, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone, zoneSuffix } from '../../app/format';
import { useChangeAppointment } from './episodes-api';

export type AppointmentDialog = { kind: 'cancel' | 'reschedule'; appointment: Wire<Appointment> };

function minutesBetween(a: string, b: string): number {
  return Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000);
}

function ScopeRadios(props: { inputProps: object; series: boolean }): ReactElement | null {
  if (!props.series) return null;
  return (
    <Radio.Group label="Which sessions" {...props.inputProps}>
      <Stack gap="xs" mt="xs">
        <Radio value="this" label="Only this session" />
        <Radio value="following" label="This and all following sessions" />
      </Stack>
    </Radio.Group>
  );
}

export function CancelModal({
  appointment,
  onClose,
}: {
  appointment: Wire<Appointment>;
  onClose: () => void;
}) {
  const mutation = useChangeAppointment({ onSuccess: () => onClose() });
  const form = useForm({ initialValues: { cancelledBy: 'client', scope: 'this' } });
  return (
    <Modal opened onClose={onClose} title="Cancel session" centered>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          mutation.mutate({
            id: appointment.id,
            change: {
              status: 'cancelled',
              cancelledBy: v.cancelledBy as 'client' | 'therapist',
              scope: v.scope as 'this' | 'following',
            },
          }),
        )}
      >
        <Stack>
          <div>{formatInZone(appointment.startsAt, appointment.timeZone)}</div>
          <ErrorAlert error={mutation.error} title="Could not cancel" />
          <Radio.Group label="Cancelled by" {...form.getInputProps('cancelledBy')}>
            <Group mt="xs">
              <Radio value="client" label="Client" />
              <Radio value="therapist" label="Therapist" />
            </Group>
          </Radio.Group>
          <ScopeRadios series={!!appointment.seriesId} inputProps={form.getInputProps('scope')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep session
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending}>
              Cancel session
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RescheduleModal(props: { appointment: Wire<Appointment>; onClose: () => void }) {
  const { appointment, onClose } = props;
  const mutation = useChangeAppointment({ onSuccess: () => onClose() });
  const [date = '', time = ''] = appointment.localStart.split('T');
  const form = useForm({
    initialValues: {
      date,
      time: time.slice(0, 5),
      durationMinutes: minutesBetween(appointment.startsAt, appointment.endsAt) as number | string,
      scope: 'this',
    },
    validate: {
      date: (v) => (v ? null : 'Choose a date.'),
      time: (v) => (v ? null : 'Choose a start time.'),
    },
  });
  return (
    <Modal opened onClose={onClose} title="Reschedule session" centered>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          mutation.mutate({
            id: appointment.id,
            change: {
              start: `${v.date}T${v.time}`,
              durationMinutes: Number(v.durationMinutes),
              scope: v.scope as 'this' | 'following',
            },
          }),
        )}
      >
        <Stack>
          <ErrorAlert error={mutation.error} title="Could not reschedule" />
          <TextInput label="New date" type="date" {...form.getInputProps('date')} />
          <TextInput
            label="New start time"
            type="time"
            description={`In ${zoneSuffix(appointment.timeZone)}`}
            {...form.getInputProps('time')}
          />
          <NumberInput
            label="Duration (minutes)"
            min={15}
            max={240}
            step={5}
            {...form.getInputProps('durationMinutes')}
          />
          <ScopeRadios series={!!appointment.seriesId} inputProps={form.getInputProps('scope')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Reschedule
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
