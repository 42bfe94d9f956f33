import { Anchor, Blockquote, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Homework as HomeworkContract, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';

type Homework = Wire<HomeworkContract>;

import { ErrorAlert } from '../../app/error-alert';
import { formatDate, formatHomeworkProgress } from '../../app/format';
import { Loading } from '../../app/loading';
import { attachmentUrl } from '../notes/notes-api';
import { episodeKeys, listHomework, listOpenThreads } from './episodes-api';

export function ThreadsSection({ episodeId }: { episodeId: string }): ReactElement {
  const threads = useQuery({
    queryKey: episodeKeys.threads(episodeId),
    queryFn: () => listOpenThreads(episodeId),
  });
  const items = threads.data?.items ?? [];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="threads">
      <Title order={2} size="h3" id="threads" mb="sm">
        Open threads
      </Title>
      {threads.isPending && <Loading label="Loading threads" />}
      <ErrorAlert error={threads.error} title="Could not load the threads" />
      {threads.isSuccess && items.length === 0 && (
        <Text>No open threads. Open one from a session note.</Text>
      )}
      <Stack component="ul" gap={4} pl="md" m={0}>
        {items.map((thread) => (
          <li key={thread.id}>
            <Text>
              {thread.title}{' '}
              <Text span size="sm">
                (since {formatDate(thread.openedAt)})
              </Text>
            </Text>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

/** One homework item as the therapist sees it, with what the client said about it. */
export function HomeworkItem({ item }: { item: Homework }): ReactElement {
  const attachment = item.attachment ?? (item.attachmentId ? { id: item.attachmentId } : null);
  return (
    <Stack component="li" gap={4}>
      <Text fw={500}>{item.title}</Text>
      <Text size="sm">{formatHomeworkProgress(item)}</Text>
      {item.link && (
        <Anchor href={item.link} target="_blank" rel="noopener noreferrer" size="sm">
          {item.link}
        </Anchor>
      )}
      {attachment && (
        <Anchor href={attachmentUrl(attachment.id)} size="sm">
          Download {'fileName' in attachment ? attachment.fileName : 'attachment'}
        </Anchor>
      )}
      {item.clientComment && (
        <Blockquote p="xs" color="teal" cite="— the client">
          {item.clientComment}
        </Blockquote>
      )}
    </Stack>
  );
}

export function HomeworkSection({ episodeId }: { episodeId: string }): ReactElement {
  const homework = useQuery({
    queryKey: episodeKeys.homework(episodeId),
    queryFn: () => listHomework(episodeId),
  });
  const items = homework.data?.items ?? [];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="homework">
      <Title order={2} size="h3" id="homework" mb="sm">
        Homework
      </Title>
      {homework.isPending && <Loading label="Loading homework" />}
      <ErrorAlert error={homework.error} title="Could not load the homework" />
      {homework.isSuccess && items.length === 0 && <Text>No homework set.</Text>}
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <HomeworkItem key={item.id} item={item} />
        ))}
      </Stack>
    </Paper>
  );
}
