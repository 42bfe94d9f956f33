import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Episode, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { formatDate } from '../../app/format';
import { endingSummaryQuery } from './ending-summary-api';

/**
 * The client's ending summaries on their home page: one link per episode whose summary their
 * therapist shared (the server answers 404 for the others, which are simply not listed).
 */
export function PortalEndingSummaryCard(): ReactElement | null {
  const episodes = useQuery({
    queryKey: ['episodes', 'mine'],
    queryFn: () => api<{ items: Wire<Episode>[] }>('/episodes?limit=50'),
  });
  const summaries = useQueries({
    queries: (episodes.data?.items ?? []).map((e) => ({
      ...endingSummaryQuery(e.id),
      retry: false,
    })),
  });
  const shared = summaries.flatMap((q) => (q.data ? [q.data] : []));
  if (shared.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="ending-summaries">
      <Stack gap="xs">
        <Title order={2} id="ending-summaries" size="h3">
          Your ending summary
        </Title>
        <Text>What we did together, what helped, and your plan for keeping well, to keep.</Text>
        {shared.map((s) => (
          <Anchor key={s.episodeId} component={Link} to={`/ending-summary/${s.episodeId}`}>
            Read the summary shared on {formatDate(s.sharedAt)}
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}
