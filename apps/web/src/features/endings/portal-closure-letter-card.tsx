import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Episode, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { formatInZone } from '../../app/format';
import { closureLetterQuery } from './endings-api';

/**
 * The client's closure letters on their home page: one link per episode with a letter (the
 * server answers 404 for the others, which are simply not listed).
 */
export function PortalClosureLetterCard(): ReactElement | null {
  const episodes = useQuery({
    queryKey: ['episodes', 'mine'],
    queryFn: () => api<{ items: Wire<Episode>[] }>('/episodes?limit=50'),
  });
  const closed = (episodes.data?.items ?? []).filter((e) => e.phase === 'closed');
  const letters = useQueries({ queries: closed.map((e) => closureLetterQuery(e.id)) });
  const found = letters.flatMap((q, i) => {
    const episode = closed[i];
    return q.data && episode ? [{ episodeId: episode.id, letter: q.data }] : [];
  });
  if (found.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="closure-letters">
      <Stack gap="xs">
        <Title order={2} id="closure-letters" size="h4">
          A letter from your therapist
        </Title>
        {found.map(({ episodeId, letter }) => (
          <Text key={episodeId}>
            {letter.therapistName} wrote to you on{' '}
            {formatInZone(letter.sentAt, null, { dateOnly: true })}:{' '}
            <Anchor component={Link} to={`/closure-letter/${episodeId}`}>
              Read the letter
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
