import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useFollowUp } from '../goals/goals-api';

type Kind = 'discuss' | 'reflect';

/**
 * After an alert: a "to discuss next session" item (shown in the brief) or a private reflection
 * (a psychotherapy note, never shared with the client).
 */
export function AlertFollowUp({
  episodeId,
  alertId,
}: {
  episodeId: string;
  alertId: string;
}): ReactElement {
  const [kind, setKind] = useState<Kind | null>(null);
  const form = useForm({ initialValues: { text: '' } });
  const save = useFollowUp(episodeId, { kind: 'alert', id: alertId });
  const submit = form.onSubmit(({ text }) => {
    if (!kind) return;
    save.mutate(
      { kind, text: text.trim() },
      {
        onSuccess: () => {
          form.reset();
          setKind(null);
        },
      },
    );
  });
  if (!kind) {
    return (
      <Group gap="xs">
        {save.isSuccess && (
          <Text size="sm" role="status">
            Saved.
          </Text>
        )}
        <Button size="xs" variant="subtle" onClick={() => setKind('discuss')}>
          Note to discuss next session
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setKind('reflect')}>
          Write a private reflection
        </Button>
      </Group>
    );
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          label={kind === 'discuss' ? 'To discuss next session' : 'Private reflection'}
          description={
            kind === 'discuss'
              ? 'Appears in the next pre-session brief.'
              : 'A psychotherapy note: only you can read it; never shared or exported.'
          }
          autosize
          minRows={2}
          {...form.getInputProps('text')}
        />
        <ErrorAlert error={save.error} title="Could not save" />
        <Group gap="xs">
          <Button
            type="submit"
            size="xs"
            disabled={!form.values.text.trim()}
            loading={save.isPending}
          >
            Save
          </Button>
          <Button size="xs" variant="default" onClick={() => setKind(null)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
