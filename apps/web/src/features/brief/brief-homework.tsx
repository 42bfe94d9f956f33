import { Blockquote, Stack, Text } from '@mantine/core';
import type { BriefHomework as Homework, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatDate } from '../../app/format';

/** One homework item of the brief, with what the client said about it. */
export function BriefHomework({ item }: { item: Wire<Homework> }): ReactElement {
  const done = item.status === 'done';
  return (
    <Stack component="li" gap={4}>
      <Text fw={500}>{item.title}</Text>
      <Text size="sm">
        {done ? `Done ${formatDate(item.completedAt)}` : 'Not done yet'}
        {item.dueOn ? ` · due ${formatDate(item.dueOn)}` : ''}
      </Text>
      {item.clientComment && (
        <Blockquote p="xs" color="teal" cite="— the client">
          {item.clientComment}
        </Blockquote>
      )}
    </Stack>
  );
}
