import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { openEpisodesQuery, readinessQuery } from './readiness-api';
import { ReadinessPanel } from './readiness-panel';
import { firstName } from './readiness-words';

function Review({ episodeId }: { episodeId: string }): ReactElement {
  const review = useQuery(readinessQuery(episodeId));
  return (
    <>
      {review.isPending && <Loading label="Loading" />}
      <ErrorAlert error={review.error} title="Could not load this page" />
      {review.data && (
        <Card withBorder>
          <Stack gap="sm">
            <Text>
              There is no right answer and no rush. Your therapist,{' '}
              {firstName(review.data.therapistName)}, will read what you write here and talk it
              through with you.
            </Text>
            <ReadinessPanel r={review.data} />
          </Stack>
        </Card>
      )}
    </>
  );
}

/** The client's side of the readiness review, in the portal (issue 11). */
export function PortalReadinessPage(): ReactElement {
  usePageTitle('Thinking about finishing');
  const episodes = useQuery(openEpisodesQuery());
  const current = episodes.data?.[0];
  return (
    <Stack maw={720}>
      <Anchor component={Link} to="/" size="sm">
        ← Back to your portal
      </Anchor>
      <Title order={1}>Thinking about finishing</Title>
      {episodes.isPending && <Loading label="Loading" />}
      <ErrorAlert error={episodes.error} title="Could not load this page" />
      {episodes.isSuccess && !current && (
        <Text>You have no current course of therapy, so there is nothing to answer here.</Text>
      )}
      {current && <Review episodeId={current.id} />}
    </Stack>
  );
}
