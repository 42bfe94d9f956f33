import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { goalsQuery } from '../goals/goals-api';
import { GoalItem } from '../goals/goals-section';
import { outcomeQuery, scoresQuery } from '../measures/measures-api';
import { OutcomeSummary } from '../measures/outcome-summary';
import { InstrumentCard } from '../measures/progress-section';

/**
 * The score charts and outcome of a supervised episode, read-only (the consent shares `scores`).
 * Alerts are the therapist's to answer: the charts are shown without their markers.
 */
export function SupervisedScores({ episodeId }: { episodeId: string }): ReactElement {
  const scores = useQuery(scoresQuery(episodeId));
  const outcome = useQuery(outcomeQuery(episodeId));
  const list = scores.data ?? [];
  const missing = (e: unknown) => isApiError(e) && e.status === 404;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="sv-scores">
      <Stack>
        <Title order={2} size="h3" id="sv-scores">
          Questionnaire scores
        </Title>
        {scores.isPending && <Loading label="Loading scores" />}
        <ErrorAlert error={scores.error} title="Could not load the scores" />
        {scores.isSuccess && list.length === 0 && <Text>No questionnaires completed yet.</Text>}
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {list.map((s) => (
            <InstrumentCard key={s.instrument} scores={s} alerts={[]} />
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

/** The goals and treatment plan of a supervised episode, read-only (the consent shares `goals`). */
export function SupervisedGoals({ episodeId }: { episodeId: string }): ReactElement {
  const goals = useQuery(goalsQuery(episodeId));
  const list = goals.data ?? [];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="sv-goals">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sv-goals">
          Goals and plan
        </Title>
        {goals.isPending && <Loading label="Loading goals" />}
        <ErrorAlert error={goals.error} title="Could not load the goals" />
        {goals.isSuccess && list.length === 0 && <Text size="sm">No goals agreed yet.</Text>}
        {list.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.map((g) => (
              <GoalItem key={g.id} goal={g} whose="Therapist's words" />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
