import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useId, useState } from 'react';
import type { Homework } from '../../api/note-types';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { attachmentUrl } from '../notes/notes-api';
import { completeHomework, portalKey } from './portal-api';

export function HomeworkCard({ item }: { item: Homework }): ReactElement {
  const [comment, setComment] = useState('');
  const headingId = useId();
  const queryClient = useQueryClient();
  const done = item.status === 'done';
  const mutation = useMutation({
    mutationFn: () => completeHomework(item.id, comment.trim() || undefined),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalKey }),
  });
  const attachmentId = item.attachment?.id ?? item.attachmentId;
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4" id={headingId}>
            {item.title}
          </Title>
          {done && (
            <Badge color="teal" variant="outline" c="dark.7" tt="none">
              Done
            </Badge>
          )}
        </Group>
        {item.dueOn && !done && <Text size="sm">Try to do this by {formatDate(item.dueOn)}</Text>}
        {item.instructions && <Text style={{ whiteSpace: 'pre-wrap' }}>{item.instructions}</Text>}
        {item.link && (
          <Anchor href={item.link} target="_blank" rel="noopener noreferrer">
            Open the link
          </Anchor>
        )}
        {attachmentId && (
          <Anchor href={attachmentUrl(attachmentId)}>
            Download {item.attachment?.fileName ?? 'the file'}
          </Anchor>
        )}
        {done ? (
          item.clientComment && <Text size="sm">You wrote: “{item.clientComment}”</Text>
        ) : (
          <>
            <ErrorAlert error={mutation.error} title="Could not mark it as done" />
            <Textarea
              label="How did it go?"
              description="Optional. Your therapist reads this before your next session."
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Button
              style={{ alignSelf: 'start' }}
              loading={mutation.isPending}
              onClick={() => mutation.mutate()}
            >
              Mark as done
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}
