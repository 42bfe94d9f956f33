import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { RetentionSettings } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { useUpdateRetentionSettings } from './endings-api';

const FIELDS = ['yearsAfterLastService', 'yearsAfterMajority'];

/** How long closed records are kept: the later of the two dates applies (docs/ending.md). */
export function RetentionSettingsForm({ value }: { value: RetentionSettings }): ReactElement {
  const form = useForm({
    initialValues: {
      yearsAfterLastService: value.yearsAfterLastService,
      yearsAfterMajority: value.yearsAfterMajority,
    },
  });
  const mutation = useUpdateRetentionSettings({
    onSuccess: (saved) => {
      form.resetDirty({
        yearsAfterLastService: saved.yearsAfterLastService,
        yearsAfterMajority: saved.yearsAfterMajority,
      });
      notifications.show({ color: 'teal', message: 'Record retention saved.' });
    },
    onError: (error) => applyFieldErrors(form, error, FIELDS),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        mutation.mutate({
          yearsAfterLastService: Number(values.yearsAfterLastService),
          yearsAfterMajority: Number(values.yearsAfterMajority),
        }),
      )}
    >
      <Stack maw={480}>
        <ErrorAlert error={mutation.error} title="Could not save record retention" />
        <NumberInput
          label="Years after the last service"
          description="A closed record is kept this long after the last session."
          allowDecimal={false}
          {...form.getInputProps('yearsAfterLastService')}
        />
        <NumberInput
          label="Years after a minor comes of age"
          description={`For a client who was a minor: kept this long after they turn ${value.ageOfMajority}, if that is later.`}
          allowDecimal={false}
          {...form.getInputProps('yearsAfterMajority')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            Save retention
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
