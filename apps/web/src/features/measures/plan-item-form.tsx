import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { INSTRUMENTS } from '@throughline/clinical';
import { PLAN_SCHEDULES, type PlanSchedule } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { planScheduleLabels } from '../../app/labels';
import { listPracticeInstruments, practiceInstrumentsKey } from '../admin/practice-instruments-api';

/** A new plan item as the form gives it; the section adds it to the plan and saves. */
export type NewPlanItem = {
  instrument: string;
  schedule: PlanSchedule;
  everyN: number | null;
  startsOn: string | null;
};

const TAKES_N: readonly PlanSchedule[] = ['every-n-sessions', 'every-n-weeks'];
// Every week / every month are kept for plans made before "every few weeks" existed.
const OFFERED = PLAN_SCHEDULES.filter((s) => s !== 'weekly' && s !== 'monthly');

type Props = {
  /** Instruments already in the plan: not offered again. */
  planned: readonly string[];
  saving: boolean;
  onAdd: (item: NewPlanItem) => void;
  onCancel: () => void;
};

export function PlanItemForm({ planned, saving, onAdd, onCancel }: Props): ReactElement {
  // The practice's own questionnaires (not retired) are offered after the shipped ones.
  const own = useQuery({ queryKey: practiceInstrumentsKey, queryFn: listPracticeInstruments });
  const choices = [...INSTRUMENTS, ...(own.data?.items ?? []).filter((d) => d.retiredAt === null)]
    .filter((d) => !planned.includes(d.key))
    .map((d) => ({ value: d.key, label: d.title }));
  const form = useForm<{
    instrument: string | null;
    schedule: PlanSchedule;
    everyN: number | string;
    startsOn: string;
  }>({
    initialValues: { instrument: null, schedule: 'before-every-session', everyN: 4, startsOn: '' },
    validate: {
      instrument: (value) => (value ? null : 'Choose a questionnaire.'),
      everyN: (value, values) =>
        !TAKES_N.includes(values.schedule) ||
        (Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 52)
          ? null
          : 'A whole number from 1 to 52.',
    },
  });
  const takesN = TAKES_N.includes(form.values.schedule);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        onAdd({
          instrument: values.instrument ?? '',
          schedule: values.schedule,
          everyN: takesN ? Number(values.everyN) : null,
          startsOn: values.startsOn || null,
        }),
      )}
    >
      <Stack gap="sm">
        <Select
          label="Questionnaire"
          data={choices}
          placeholder="Choose one"
          searchable
          {...form.getInputProps('instrument')}
        />
        <Select
          label="How often"
          data={OFFERED.map((s) => ({ value: s, label: planScheduleLabels[s] }))}
          allowDeselect={false}
          {...form.getInputProps('schedule')}
        />
        {takesN && (
          <NumberInput
            label={
              form.values.schedule === 'every-n-weeks'
                ? 'Every how many weeks'
                : 'Every how many sessions'
            }
            min={1}
            max={52}
            allowDecimal={false}
            {...form.getInputProps('everyN')}
          />
        )}
        <TextInput
          type="date"
          label="Start on"
          description="Leave empty to start with the next session. Questionnaires go to the portal 48 hours before a session."
          {...form.getInputProps('startsOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Add to the plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
