import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
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
    initialValues: {
      name: practice.name,
      timeZone: practice.timeZone,
      copyReviewRequired: practice.copyReviewRequired,
    },
    validate: { name: (value) => (value.trim() ? null : 'Enter the practice name.') },
  });
  const mutation = useUpdatePractice({
    onSuccess: (saved) => {
      form.resetDirty({
        name: saved.name,
        timeZone: saved.timeZone,
        copyReviewRequired: saved.copyReviewRequired,
      });
      notifications.show({ color: 'teal', message: 'Practice settings saved.' });
    },
    onError: (error) => applyFieldErrors(form, error, ['name', 'timeZone']),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        mutation.mutate({
          name: values.name.trim(),
          timeZone: values.timeZone,
          copyReviewRequired: values.copyReviewRequired,
        }),
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
        <Checkbox
          label="A therapist reviews a client's copy of their record before it is released"
          description="Off: clients download their copy at once. On: they ask for it in the portal and their therapist releases it, or says why not, within 30 days (HIPAA 164.524)."
          {...form.getInputProps('copyReviewRequired', { type: 'checkbox' })}
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
