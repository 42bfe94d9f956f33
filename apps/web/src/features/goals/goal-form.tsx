import { Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { GAS_KEYS, GAS_LEVELS, useCreateGoal } from './goals-api';

const empty = { '-2': '', '-1': '', '0': '', '+1': '', '+2': '' };

/** Add a goal agreed with the client: their words, the therapist's, objectives and GAS levels. */
export function GoalForm({
  episodeId,
  onDone,
}: {
  episodeId: string;
  onDone: () => void;
}): ReactElement {
  const form = useForm({
    initialValues: { clientWords: '', therapistWords: '', objectives: '', gasLevels: empty },
  });
  const create = useCreateGoal(episodeId);
  const onSubmit = form.onSubmit((values) =>
    create.mutate(
      {
        clientWords: values.clientWords.trim(),
        therapistWords: values.therapistWords.trim(),
        objectives: values.objectives
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
        gasLevels: values.gasLevels,
      },
      { onSuccess: onDone },
    ),
  );

  return (
    <form onSubmit={onSubmit}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          New goal
        </Title>
        <Textarea
          label="In the client's words"
          description="Shared with the client when you share the plan."
          required
          autosize
          minRows={2}
          {...form.getInputProps('clientWords')}
        />
        <Textarea
          label="In your words"
          description="Only you see this."
          required
          autosize
          minRows={2}
          {...form.getInputProps('therapistWords')}
        />
        <Textarea
          label="Objectives"
          description="One per line; shared with the client."
          autosize
          minRows={2}
          {...form.getInputProps('objectives')}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend style={{ fontWeight: 500, marginBottom: 4 }}>
            What each Goal Attainment Scaling level looks like
          </legend>
          <Stack gap="xs">
            {GAS_KEYS.map((key, i) => (
              <TextInput
                key={key}
                label={GAS_LEVELS[i]?.label ?? key}
                required
                {...form.getInputProps(`gasLevels.${key}`)}
              />
            ))}
          </Stack>
        </fieldset>
        <ErrorAlert error={create.error} title="Could not add the goal" />
        <Group>
          <Button type="submit" loading={create.isPending}>
            Add goal
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
