import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type {
  AvailabilityWindow,
  ContactChannels,
  ContactDefaults,
  ProposeContactAgreement,
  Wire,
} from '@throughline/contracts';
import { zoneSuffix } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { contactChannelLabels, weekdayLabels } from '../../app/labels';
import { ListEditor } from '../../app/list-editor';
import { useProposeContactAgreement } from './contact-api';

type Values = {
  channels: ContactChannels;
  availability: { weekday: string; from: string; to: string }[];
  responseTimeHours: number | string;
  timeZone: string;
  purpose: string;
  crisis: string;
  afterEnding: string;
};

const weekdayOptions = Object.entries(weekdayLabels).map(([value, label]) => ({ value, label }));

/**
 * The therapist proposes the contact agreement, starting from the current terms or the practice
 * defaults. A new version replaces the old one once the client accepts it.
 */
export function ProposeContactForm({
  episodeId,
  start,
  onDone,
}: {
  episodeId: string;
  start: Wire<ContactDefaults>;
  onDone: () => void;
}): ReactElement {
  const form = useForm<Values>({
    initialValues: {
      channels: start.channels,
      availability: start.availability.map((w: AvailabilityWindow) => ({
        weekday: String(w.weekday),
        from: w.from,
        to: w.to,
      })),
      responseTimeHours: start.responseTimeHours,
      timeZone: start.timeZone,
      purpose: start.purpose,
      crisis: start.crisis,
      afterEnding: start.afterEnding,
    },
    validate: {
      availability: {
        to: (to, values, path) => {
          const i = Number(path.split('.')[1]);
          const from = values.availability[i]?.from ?? '';
          return to && from && to <= from ? 'Ends after it starts, on the same day.' : null;
        },
      },
      responseTimeHours: (v) =>
        Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 336
          ? null
          : 'A whole number of hours from 1 to 336.',
    },
  });
  const propose = useProposeContactAgreement(episodeId, { onSuccess: onDone });
  const submit = form.onSubmit((v) => {
    const input: ProposeContactAgreement = {
      channels: v.channels,
      availability: v.availability.map((w) => ({
        weekday: Number(w.weekday),
        from: w.from,
        to: w.to,
      })),
      responseTimeHours: Number(v.responseTimeHours),
      timeZone: v.timeZone,
      purpose: v.purpose,
      crisis: v.crisis,
      afterEnding: v.afterEnding,
    };
    propose.mutate(input);
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Checkbox.Group label="How the client may be in touch">
          <Stack gap={4} mt={4}>
            {(Object.keys(contactChannelLabels) as (keyof ContactChannels)[]).map((key) => (
              <Checkbox
                key={key}
                label={contactChannelLabels[key]}
                {...form.getInputProps(`channels.${key}`, { type: 'checkbox' })}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <div>
          <Title order={3} size="h6">
            Your working hours ({zoneSuffix(form.values.timeZone)})
          </Title>
          <Text size="xs" c="dimmed">
            The client sees them in their own time zone.
          </Text>
        </div>
        <ListEditor
          items={form.values.availability}
          rowKey={(_, i) => form.key(`availability.${i}`)}
          removeLabel={(w) => `Remove ${weekdayLabels[Number(w.weekday)] ?? 'this'} window`}
          onRemove={(i) => form.removeListItem('availability', i)}
          addLabel="Add hours"
          onAdd={() =>
            form.insertListItem('availability', { weekday: '1', from: '09:00', to: '17:00' })
          }
          renderRow={(_, i) => (
            <>
              <Select
                label="Day"
                data={weekdayOptions}
                allowDeselect={false}
                w={140}
                {...form.getInputProps(`availability.${i}.weekday`)}
              />
              <TextInput
                type="time"
                label="From"
                w={110}
                {...form.getInputProps(`availability.${i}.from`)}
              />
              <TextInput
                type="time"
                label="To"
                w={110}
                {...form.getInputProps(`availability.${i}.to`)}
              />
            </>
          )}
        />
        <NumberInput
          label="Usual reply time (hours)"
          min={1}
          max={336}
          w={200}
          {...form.getInputProps('responseTimeHours')}
        />
        <Textarea
          label="What messages are for"
          autosize
          minRows={2}
          {...form.getInputProps('purpose')}
        />
        <Textarea
          label="What to do in a crisis"
          autosize
          minRows={2}
          {...form.getInputProps('crisis')}
        />
        <Textarea
          label="After our work ends"
          autosize
          minRows={2}
          {...form.getInputProps('afterEnding')}
        />
        <ErrorAlert error={propose.error} title="The agreement was not proposed" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={propose.isPending}>
            Propose to the client
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
