import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Alert, InstrumentScores, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import { changeCategoryText } from '../../app/labels';
import { Loading } from '../../app/loading';
import { episodeAlertsQuery } from '../alerts/alerts-api';
import { bandText, outcomeQuery, scoresQuery } from './measures-api';
import { OutcomeSummary } from './outcome-summary';
import { ProgressSharing } from './progress-sharing';
import { RiskFirst } from './risk-first';
import { ScoreChart } from './score-chart';
import { ScoreTable } from './score-table';

const signed = (n: number | null): string => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

function summaryOf(s: Wire<InstrumentScores>, title: string): string {
  const n = s.series.length;
  const last = s.series[n - 1];
  if (!last) return `${title}: no scores yet.`;
  const cutoff = s.cutoff ? `, cut-off ${s.cutoff.value}` : '';
  return `${title}: ${n} score${n === 1 ? '' : 's'}, first ${s.first}, latest ${last.total} (${bandText(last.band)}); change since first ${signed(s.changeSinceFirst)}${cutoff}. The table below gives every score.`;
}

/** One instrument's chart and table, read-only (the therapist's and the supervisor's views). */
export function InstrumentCard({
  scores,
  alerts,
}: {
  scores: Wire<InstrumentScores>;
  alerts: Wire<Alert>[];
}): ReactElement {
  const title = scores.title || scores.instrument.toUpperCase();
  const alertResponses = new Set(
    alerts.map((a) => a.responseId).filter((id): id is string => typeof id === 'string'),
  );
  const id = `scores-${scores.instrument}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" mb="xs">
        Latest {scores.last} · since first {signed(scores.changeSinceFirst)} · since last{' '}
        {signed(scores.changeSinceLast)}
        {scores.category ? ` · ${changeCategoryText(scores.category)}` : ''}
      </Text>
      {scores.series.length > 0 ? (
        <>
          <ScoreChart
            scores={scores}
            alertResponses={alertResponses}
            summary={summaryOf(scores, title)}
          />
          <ScoreTable scores={scores} alertResponses={alertResponses} title={title} />
        </>
      ) : (
        <Text>No scores yet.</Text>
      )}
    </Paper>
  );
}

/** Progress charts per instrument and the episode outcome (therapist's episode page). */
export function ProgressSection({
  episodeId,
  clientName,
}: {
  episodeId: string;
  clientName?: string | undefined;
}): ReactElement {
  const scores = useQuery(scoresQuery(episodeId));
  const outcome = useQuery(outcomeQuery(episodeId));
  const alerts = useQuery(episodeAlertsQuery(episodeId));
  const list = scores.data ?? [];
  const missing = (e: unknown) => isApiError(e) && e.status === 404;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="progress">
      <Stack>
        <Title order={2} size="h3" id="progress">
          Progress
        </Title>
        {scores.isPending && <Loading label="Loading scores" />}
        {!missing(scores.error) && (
          <ErrorAlert error={scores.error} title="Could not load scores" />
        )}
        <RiskFirst alerts={alerts.data ?? []} where="see Alerts above" />
        {scores.isSuccess && list.length === 0 && <Text>No questionnaires completed yet.</Text>}
        {scores.isSuccess && <ProgressSharing episodeId={episodeId} clientName={clientName} />}
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {list.map((s) => (
            <InstrumentCard key={s.instrument} scores={s} alerts={alerts.data ?? []} />
          ))}
        </SimpleGrid>
        {outcome.data && <OutcomeSummary outcome={outcome.data} />}
        {!missing(outcome.error) && (
          <ErrorAlert error={outcome.error} title="Could not load the outcome" />
        )}
      </Stack>
    </Paper>
  );
}
