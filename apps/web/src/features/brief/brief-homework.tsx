import { Blockquote, Stack, Text } from '@mantine/core';
import type { BriefHomework as Homework, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatHomeworkProgress } from '../../app/format';

/** One homework item of the brief, with what the client said about it. */
export function BriefHomework({ item }: { item: Wire<Homework> }): ReactElement {
  return (
    <Stack component="li" gap={4}>
      <Text fw={500}>{item.title}</Text>
      <Text size="sm">{formatHomeworkProgress(item)}</Text>
      {item.clientComment && (
        <Blockquote p="xs" color="teal" cite="— the client">
          {item.clientComment}
        </Blockquote>
      )}
    </Stack>
  );
}
