import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { endingWords } from './ending-words';
import { useEnding } from './endings-api';

/** How the episode ended, in plain words, once an ending is recorded (nothing before). */
export function EpisodeEndingSection({ episodeId }: { episodeId: string }): ReactElement | null {
  const ending = useEnding(episodeId);
  if (ending.isError) return <ErrorAlert error={ending.error} title="Could not load the ending" />;
  const data = ending.data;
  if (!data) return null;
  const words = endingWords(data, (iso) => formatInZone(iso));
  return (
    <Card withBorder component="section" aria-labelledby="episode-ending">
      <Stack gap={4}>
        <Title order={2} id="episode-ending" size="h3">
          How therapy ended
        </Title>
        <Text fw={500}>{data.kindLabel}</Text>
        <Text>{data.summary}</Text>
        <Text size="sm">Reason: {data.reason}</Text>
        <Text size="sm" c="dimmed">
          {words.recorded}
        </Text>
        {words.responsible && <Text size="sm">{words.responsible}</Text>}
        {words.retention && <Text size="sm">{words.retention}</Text>}
      </Stack>
    </Card>
  );
}
