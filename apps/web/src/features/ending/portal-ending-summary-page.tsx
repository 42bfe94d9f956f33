import { Anchor, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { endingSummaryPdfUrl, endingSummaryQuery } from './ending-summary-api';
import { EndingSummaryView } from './ending-summary-view';

/** The client's ending summary in the portal, once their therapist shared it (issue 11). */
export function PortalEndingSummaryPage(): ReactElement {
  const episodeId = useParams().id ?? '';
  const summary = useQuery(endingSummaryQuery(episodeId));
  usePageTitle('Your ending summary');
  const data = summary.data;
  return (
    <Stack maw={720}>
      <Anchor component={Link} to="/" size="sm">
        ← Back to your home page
      </Anchor>
      <Title order={1}>Your ending summary</Title>
      {summary.isPending && <Loading label="Loading your ending summary" />}
      <ErrorAlert error={summary.error} title="Your ending summary is not available" />
      {data && (
        <>
          <Group>
            <Anchor href={endingSummaryPdfUrl(episodeId)}>Download it as a PDF</Anchor>
          </Group>
          <EndingSummaryView summary={data} />
        </>
      )}
    </Stack>
  );
}
