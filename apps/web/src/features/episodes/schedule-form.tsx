import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { MODALITIES, type Modality } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { modalityLabels } from '../../app/labels';
import { useScheduleAppointments } from './episodes-api';
import { type Repeat, recurrence, WEEKDAYS, weekdayOf } from './schedule-rule';

export const modalityOptions = MODALITIES.map((value) => ({ value, label: modalityLabels[value] }));

const initialValues = {
  date: '',
  time: '',
  durationMinutes: 50 as number | string,
  modality: 'in-person',
  location: '',
  assessment: false,
  repeat: 'none' as Repeat,
  count: 10 as number | string,
  days: [] as string[],
};

export function ScheduleForm(props: { episodeId: string; onDone: () => void }): ReactElement {
  const form = useForm({
    initialValues,
    validate: {
      date: (v) => (v ? null : 'Choose a date.'),
      time: (v) => (v ? null : 'Choose a start time.'),
      durationMinutes: (v) =>
        Number(v) >= 15 && Number(v) <= 240 ? null : 'Between 15 and 240 minutes.',
      count: (v, all) =>
        all.repeat !== 'none'
          ? Number(v) >= 1 && Number(v) <= 200
            ? null
            : 'Between 1 and 200 sessions.'
          : null,
      days: (v, all) => {
        if (all.repeat !== 'weekdays') return null;
        if (v.length === 0) return 'Choose the days of the week.';
        const first = weekdayOf(all.date);
        const name = WEEKDAYS.find((d) => d.value === first)?.label;
        return first && !v.includes(first)
          ? `The first session is on a ${name}: include ${name}, or choose another date.`
          : null;
      },
    },
  });
  const mutation = useScheduleAppointments(props.episodeId, {
    onSuccess: (result) => {
      const n = result.appointments.length;
      const booked = n === 1 ? 'Session scheduled.' : `${n} sessions scheduled.`;
      notifications.show({
        color: result.capped ? 'orange' : 'teal',
        message: result.message ? `${booked} ${result.message}` : booked,
        autoClose: result.capped ? false : 5000,
      });
      form.reset();
      props.onDone();
    },
  });
  const repeat = form.values.repeat;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        mutation.mutate({
          start: `${values.date}T${values.time}`,
          durationMinutes: Number(values.durationMinutes),
          modality: values.modality as Modality,
          location: values.location.trim() || undefined,
          kind: values.assessment ? 'assessment' : 'treatment',
          recurrence: recurrence({ ...values, count: Number(values.count) }),
        }),
      )}
    >
      <Stack>
        <ErrorAlert error={mutation.error} title="Could not schedule" />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput label="Date" type="date" {...form.getInputProps('date')} />
          <TextInput
            label="Start time"
            type="time"
            description="In the practice's time zone"
            {...form.getInputProps('time')}
          />
          <NumberInput
            label="Duration (minutes)"
            min={15}
            max={240}
            step={5}
            {...form.getInputProps('durationMinutes')}
          />
          <Select
            label="Modality"
            data={modalityOptions}
            allowDeselect={false}
            {...form.getInputProps('modality')}
          />
          <TextInput label="Location" {...form.getInputProps('location')} />
          <Select
            label="Repeat"
            allowDeselect={false}
            data={[
              { value: 'none', label: 'Does not repeat' },
              { value: 'weekly', label: 'Weekly' },
              { value: 'fortnightly', label: 'Every two weeks' },
              { value: 'weekdays', label: 'On chosen days each week' },
            ]}
            {...form.getInputProps('repeat')}
          />
        </SimpleGrid>
        <Checkbox
          label="Assessment session"
          description="Assessment sessions do not count as treatment sessions in the episode outcome."
          {...form.getInputProps('assessment', { type: 'checkbox' })}
        />
        {repeat === 'weekdays' && (
          <Checkbox.Group
            label="Days of the week"
            description="For example Monday and Thursday for two sessions a week"
            {...form.getInputProps('days')}
          >
            <Group gap="sm" mt={4}>
              {WEEKDAYS.map((d) => (
                <Checkbox key={d.value} value={d.value} label={d.label} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        {repeat !== 'none' && (
          <NumberInput
            label="Number of sessions"
            min={1}
            max={200}
            maw={220}
            {...form.getInputProps('count')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Schedule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
