import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { addDiscussionItem, addReflection } from '../goals/goals-api';

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
  const [text, setText] = useState('');
  const save = useMutation({
    mutationFn: (k: Kind) =>
      k === 'discuss'
        ? addDiscussionItem(episodeId, text.trim(), { kind: 'alert', id: alertId })
        : addReflection(episodeId, text.trim(), { kind: 'alert', id: alertId }),
    onSuccess: () => {
      setText('');
      setKind(null);
    },
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
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <ErrorAlert error={save.error} title="Could not save" />
      <Group gap="xs">
        <Button
          size="xs"
          disabled={!text.trim()}
          loading={save.isPending}
          onClick={() => save.mutate(kind)}
        >
          Save
        </Button>
        <Button size="xs" variant="default" onClick={() => setKind(null)}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
