import { Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { createGoal, GAS_KEYS, GAS_LEVELS, goalsKey } from './goals-api';

const empty = { '-2': '', '-1': '', '0': '', '+1': '', '+2': '' };

/** Add a goal agreed with the client: their words, the therapist's, objectives and GAS levels. */
export function GoalForm({
  episodeId,
  onDone,
}: {
  episodeId: string;
  onDone: () => void;
}): ReactElement {
  const queryClient = useQueryClient();
  const [clientWords, setClientWords] = useState('');
  const [therapistWords, setTherapistWords] = useState('');
  const [objectives, setObjectives] = useState('');
  const [levels, setLevels] = useState<Record<(typeof GAS_KEYS)[number], string>>(empty);
  const create = useMutation({
    mutationFn: () =>
      createGoal(episodeId, {
        clientWords: clientWords.trim(),
        therapistWords: therapistWords.trim(),
        objectives: objectives
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
        gasLevels: levels,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: goalsKey(episodeId) });
      onDone();
    },
  });

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    create.mutate();
  }

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
          value={clientWords}
          onChange={(e) => setClientWords(e.currentTarget.value)}
        />
        <Textarea
          label="In your words"
          description="Only you see this."
          required
          autosize
          minRows={2}
          value={therapistWords}
          onChange={(e) => setTherapistWords(e.currentTarget.value)}
        />
        <Textarea
          label="Objectives"
          description="One per line; shared with the client."
          autosize
          minRows={2}
          value={objectives}
          onChange={(e) => setObjectives(e.currentTarget.value)}
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
                value={levels[key]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setLevels((prev) => ({ ...prev, [key]: value }));
                }}
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
