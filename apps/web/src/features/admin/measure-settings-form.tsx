import { Button, Group, NativeSelect, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { MeasureSettings, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useUpdateMeasureSettings } from './admin-api';

/**
 * Which questionnaires the practice uses (some licences do not allow commercial use, see
 * docs/measures.md) and the PCL-5 reliable-change value (5–10 points, default 10).
 */
export function MeasureSettingsForm({
  settings,
}: {
  settings: Wire<MeasureSettings>;
}): ReactElement {
  const { min, max } = settings.pcl5ReliableChangeRange;
  const initialValues = {
    enabled: Object.fromEntries(settings.instruments.map((i) => [i.key, i.enabled])),
    pcl5ReliableChange: String(settings.pcl5ReliableChange),
  };
  const form = useForm({ initialValues });
  const mutation = useUpdateMeasureSettings({
    onSuccess: () => {
      form.resetDirty();
      notifications.show({ color: 'teal', message: 'Questionnaire settings saved.' });
    },
  });
  const points = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        mutation.mutate({
          enabledInstruments: settings.instruments
            .map((i) => i.key)
            .filter((key) => values.enabled[key]),
          pcl5ReliableChange: Number(values.pcl5ReliableChange),
        }),
      )}
    >
      <Stack maw={640}>
        <ErrorAlert error={mutation.error} title="Could not save the questionnaire settings" />
        <Text size="sm">
          A questionnaire that is switched off cannot be planned or scored; answers already recorded
          stay readable.
        </Text>
        {settings.instruments.map((instrument) => (
          <Switch
            key={instrument.key}
            label={instrument.title}
            description={instrument.license}
            {...form.getInputProps(`enabled.${instrument.key}`, { type: 'checkbox' })}
          />
        ))}
        <NativeSelect
          label="PCL-5 reliable change (points)"
          description={`The change counted as reliable on the PCL-5. The National Center for PTSD gives ${min}–${max} points; the default is 10.`}
          data={points}
          maw={320}
          {...form.getInputProps('pcl5ReliableChange')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            Save questionnaire settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
