import { Anchor, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactElement, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { EpisodeAlertsSection } from '../alerts/episode-alerts-section';
import { EpisodeCheckInsSection } from '../check-ins/episode-check-ins-section';
import { BoundaryLogSection } from '../consent/boundary-log-section';
import { EpisodeContactSection } from '../contact/episode-contact-section';
import { EndingSummarySection } from '../ending/ending-summary-section';
import { EpisodeEndingPlanSection } from '../ending-plan/episode-ending-plan-section';
import { EpisodeEndingSection } from '../endings/episode-ending-section';
import { GoalsSection } from '../goals/goals-section';
import { MeasurementPlanSection } from '../measures/measurement-plan-section';
import { PaperFormSection } from '../measures/paper-form-section';
import { ReadinessSection } from '../readiness/readiness-section';
import { AppointmentsSection } from './appointments-section';
import { HomeworkSection, ThreadsSection } from './carry-forward-sections';
import { EpisodeHeader } from './episode-header';
import { episodeKeys, getEpisode } from './episodes-api';
import { NotesSection } from './notes-section';
import { PrivateNotesSection } from './private-notes-section';

// Charts (recharts) load with the episode page only, keeping them out of the main bundle.
const ProgressSection = lazy(() =>
  import('../measures/progress-section').then((m) => ({ default: m.ProgressSection })),
);

export function EpisodePage(): ReactElement {
  const id = useParams().id ?? '';
  const episode = useQuery({ queryKey: episodeKeys.detail(id), queryFn: () => getEpisode(id) });
  const data = episode.data;
  const clientName = data?.client?.preferredName || data?.client?.displayName;
  usePageTitle(data ? `${data.title}${clientName ? ` · ${clientName}` : ''}` : 'Episode');

  return (
    <Stack maw={1100}>
      {data?.clientId && (
        <Anchor component={Link} to={`/clients/${data.clientId}`} size="sm">
          ← Back to {clientName ?? 'the client'}
        </Anchor>
      )}
      {episode.isPending && <Loading label="Loading episode" />}
      {episode.isError && (
        <>
          <Title order={1}>Episode</Title>
          <ErrorAlert error={episode.error} title="Could not load this episode" />
        </>
      )}
      {data && (
        <>
          <EpisodeHeader episode={data} />
          <EpisodeAlertsSection episodeId={id} />
          <EpisodeEndingSection episodeId={id} />
          <EndingSummarySection episodeId={id} phase={data.phase} />
          <EpisodeCheckInsSection episodeId={id} />
          <EpisodeContactSection episodeId={id} closed={data.phase === 'closed'} />
          <Suspense fallback={<Loading label="Loading progress charts" />}>
            <ProgressSection episodeId={id} clientName={clientName} />
          </Suspense>
          <AppointmentsSection episodeId={id} />
          <NotesSection episodeId={id} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ThreadsSection episodeId={id} />
            <HomeworkSection episodeId={id} />
          </SimpleGrid>
          <GoalsSection episodeId={id} />
          <ReadinessSection episodeId={id} />
          <EpisodeEndingPlanSection
            episodeId={id}
            clientName={clientName ?? 'the client'}
            closed={data.phase === 'closed'}
          />
          <MeasurementPlanSection episodeId={id} />
          <PaperFormSection episodeId={id} />
          <BoundaryLogSection episodeId={id} />
          <PrivateNotesSection episodeId={id} />
        </>
      )}
    </Stack>
  );
}
