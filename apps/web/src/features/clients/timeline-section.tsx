import { Anchor, Badge, Button, Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { TIMELINE_TYPES, type TimelineItem, type Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { timelineTypeLabels } from '../../app/labels';
import { Loading } from '../../app/loading';
import { clientKeys, getTimeline } from './clients-api';

const allTypes = TIMELINE_TYPES;

function itemPath(item: Wire<TimelineItem>): string {
  if (item.type === 'note') return `/notes/${item.id}`;
  if (item.type === 'appointment') return `/sessions/${item.id}`;
  return `/episodes/${item.episodeId}`;
}

export function TimelineSection({ clientId }: { clientId: string }): ReactElement {
  const [types, setTypes] = useState<string[]>([...allTypes]);
  const selected = allTypes.filter((type) => types.includes(type));
  const timeline = useInfiniteQuery({
    queryKey: clientKeys.timeline(clientId, selected),
    queryFn: ({ pageParam }) => getTimeline(clientId, selected, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: selected.length > 0,
  });
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="timeline">
      <Title order={2} size="h3" id="timeline" mb="sm">
        Relationship timeline
      </Title>
      <Group gap="xs" mb="md" role="group" aria-label="Show in the timeline">
        <Chip.Group multiple value={types} onChange={setTypes}>
          {allTypes.map((type) => (
            <Chip key={type} value={type} size="sm">
              {timelineTypeLabels[type].filter}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      {selected.length === 0 && <Text>Choose at least one kind of entry to show.</Text>}
      {timeline.isLoading && <Loading label="Loading the timeline" />}
      <ErrorAlert error={timeline.error} title="Could not load the timeline" />
      {timeline.isSuccess && items.length === 0 && <Text>Nothing to show yet.</Text>}
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <Group
            component="li"
            key={`${item.type}-${item.id}`}
            gap="sm"
            wrap="nowrap"
            align="start"
          >
            <Text size="sm" w={150} style={{ flexShrink: 0 }}>
              {formatInZone(item.at, item.timeZone)}
            </Text>
            <Stack gap={2}>
              <Badge variant="outline" color="gray" c="dark.7" tt="none" size="sm">
                {timelineTypeLabels[item.type].item}
              </Badge>
              <Anchor component={Link} to={itemPath(item)} size="sm">
                {item.title}
              </Anchor>
            </Stack>
          </Group>
        ))}
      </Stack>
      {timeline.hasNextPage && (
        <Button
          variant="default"
          mt="md"
          onClick={() => void timeline.fetchNextPage()}
          loading={timeline.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </Paper>
  );
}
