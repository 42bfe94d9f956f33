import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Alert, InstrumentScores, ProgressSharing, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { episodeAlertsQuery } from '../alerts/alerts-api';
import { bandText, outcomeQuery, scoresQuery, useProgressSharing } from './measures-api';
import { OutcomeSummary } from './outcome-summary';
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

function InstrumentCard({
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
        {scores.category ? ` · ${bandText(scores.category)}` : ''}
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

function sharingText(shared: ProgressSharing['shared']): string {
  if (shared === null) return 'Progress is not shared with the client.';
  if (shared === 'all') return 'The client sees a plain-language summary of every questionnaire.';
  return `The client sees a plain-language summary of: ${shared.join(', ')}.`;
}

/** Share the progress with the client in plain words, or stop sharing it. */
function ShareControls({ episodeId }: { episodeId: string }): ReactElement {
  const [status, setStatus] = useState<ProgressSharing['shared'] | undefined>(undefined);
  const share = useProgressSharing(episodeId);
  const unshare = useProgressSharing(episodeId);
  const onDone = { onSuccess: (r: Wire<ProgressSharing>) => setStatus(r.shared) };
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="light"
          onClick={() => share.mutate(true, onDone)}
          loading={share.isPending}
          disabled={unshare.isPending}
        >
          Share progress with the client
        </Button>
        <Button
          variant="subtle"
          onClick={() => unshare.mutate(false, onDone)}
          loading={unshare.isPending}
          disabled={share.isPending}
        >
          Stop sharing
        </Button>
      </Group>
      {status !== undefined && (
        <Text size="sm" role="status">
          {sharingText(status)}
        </Text>
      )}
      <ErrorAlert error={share.error} title="Could not share progress" />
      <ErrorAlert error={unshare.error} title="Could not stop sharing" />
    </Stack>
  );
}

/** Progress charts per instrument and the episode outcome (therapist's episode page). */
export function ProgressSection({ episodeId }: { episodeId: string }): ReactElement {
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
        {scores.isSuccess && list.length === 0 && <Text>No questionnaires completed yet.</Text>}
        {scores.isSuccess && <ShareControls episodeId={episodeId} />}
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
