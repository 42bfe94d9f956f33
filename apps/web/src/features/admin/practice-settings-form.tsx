import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Practice, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { TimeZoneSelect } from '../../app/time-zone-select';
import { useUpdatePractice } from './admin-api';

export function PracticeSettingsForm({ practice }: { practice: Wire<Practice> }): ReactElement {
  const form = useForm({
    initialValues: { name: practice.name, timeZone: practice.timeZone },
    validate: { name: (value) => (value.trim() ? null : 'Enter the practice name.') },
  });
  const mutation = useUpdatePractice({
    onSuccess: (saved) => {
      form.resetDirty({ name: saved.name, timeZone: saved.timeZone });
      notifications.show({ color: 'teal', message: 'Practice settings saved.' });
    },
    onError: (error) => applyFieldErrors(form, error, ['name', 'timeZone']),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        mutation.mutate({ name: values.name.trim(), timeZone: values.timeZone }),
      )}
    >
      <Stack maw={480}>
        <ErrorAlert error={mutation.error} title="Could not save the settings" />
        <TextInput
          label="Practice"
          description="The name clients and staff see, also in e-mails."
          {...form.getInputProps('name')}
        />
        <TimeZoneSelect
          label="Time zone"
          description="Used for session times, contact hours and reminders, and for new clients."
          {...form.getInputProps('timeZone')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
