import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Attachment, Homework, Wire } from '@throughline/contracts';
import { type ReactElement, useId } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { attachmentUrl } from '../notes/notes-api';
import { useCompleteHomework } from './portal-api';

/** What the card reads of a homework item: the portal home sends this part of it. */
type HomeworkItem = Pick<
  Wire<Homework>,
  'id' | 'title' | 'instructions' | 'dueOn' | 'status' | 'link' | 'clientComment'
> & { attachment: Pick<Attachment, 'id' | 'fileName'> | null };

export function HomeworkCard({ item }: { item: HomeworkItem }): ReactElement {
  const form = useForm({ initialValues: { comment: '' } });
  const headingId = useId();
  const done = item.status === 'done';
  const mutation = useCompleteHomework();
  const submit = form.onSubmit(({ comment }) =>
    mutation.mutate({ id: item.id, comment: comment.trim() || undefined }),
  );
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
        {item.attachment && (
          <Anchor href={attachmentUrl(item.attachment.id)}>
            Download {item.attachment.fileName}
          </Anchor>
        )}
        {done ? (
          item.clientComment && <Text size="sm">You wrote: “{item.clientComment}”</Text>
        ) : (
          <form onSubmit={submit}>
            <Stack gap="sm">
              <ErrorAlert error={mutation.error} title="Could not mark it as done" />
              <Textarea
                label="How did it go?"
                description="Optional. Your therapist reads this before your next session."
                autosize
                minRows={2}
                {...form.getInputProps('comment')}
              />
              <Button type="submit" style={{ alignSelf: 'start' }} loading={mutation.isPending}>
                Mark as done
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
