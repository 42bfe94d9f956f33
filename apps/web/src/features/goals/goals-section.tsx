import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { gasLevelLabel } from '@throughline/clinical';
import type { TherapistGoal, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { Loading } from '../../app/loading';
import { GoalForm } from './goal-form';
import { GoalReview } from './goal-review';
import { GOAL_STATUS_LABELS, goalsQuery, useAddDiscussionItem, useSharePlan } from './goals-api';

/** One goal, read-only; `whose` names the therapist's wording ("Your words", "Therapist's words"). */
export function GoalItem({
  goal,
  whose = 'Your words',
}: {
  goal: Wire<TherapistGoal>;
  whose?: string;
}): ReactElement {
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap={4}>
        <Text fw={600}>“{goal.clientWords}”</Text>
        <Text size="sm">
          {whose}: {goal.therapistWords}
        </Text>
        {goal.objectives.length > 0 && (
          <Text size="sm">Objectives: {goal.objectives.join('; ')}</Text>
        )}
        {goal.status !== 'active' && (
          <Text size="sm">Status: {GOAL_STATUS_LABELS[goal.status]}</Text>
        )}
        <Text size="sm">
          Last review:{' '}
          {goal.latestReview
            ? `${gasLevelLabel(goal.latestReview.level)} (${formatDate(goal.latestReview.reviewedAt)})`
            : 'not reviewed yet'}
        </Text>
        {goal.latestClientRating && (
          <Text size="sm">
            Client's own rating: {gasLevelLabel(goal.latestClientRating.level)} (
            {formatDate(goal.latestClientRating.ratedAt)})
            {goal.latestClientRating.comment ? ` — “${goal.latestClientRating.comment}”` : ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function DiscussionForm({ episodeId }: { episodeId: string }): ReactElement {
  const form = useForm({ initialValues: { text: '' } });
  const add = useAddDiscussionItem(episodeId);
  const onSubmit = form.onSubmit(({ text }) => {
    if (text.trim())
      add.mutate(
        { text: text.trim(), source: { kind: 'manual' } },
        { onSuccess: () => form.reset() },
      );
  });
  return (
    <form onSubmit={onSubmit}>
      <Stack gap="xs">
        <TextInput
          label="To discuss next session"
          description="Appears in the next pre-session brief."
          {...form.getInputProps('text')}
        />
        <ErrorAlert error={add.error} title="Could not add the item" />
        {add.isSuccess && <Text role="status">Added to the next brief.</Text>}
        <Button
          type="submit"
          variant="default"
          style={{ alignSelf: 'start' }}
          loading={add.isPending}
        >
          Add
        </Button>
      </Stack>
    </form>
  );
}

/** Goals and the treatment plan on the therapist's episode page. */
export function GoalsSection({ episodeId }: { episodeId: string }): ReactElement {
  const goals = useQuery(goalsQuery(episodeId));
  const [mode, setMode] = useState<'list' | 'add' | 'review'>('list');
  const share = useSharePlan(episodeId);
  const list = goals.data ?? [];
  const active = list.filter((g) => g.status === 'active');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="goals">
      <Stack gap="sm">
        <Title order={2} size="h3" id="goals">
          Goals and plan
        </Title>
        {goals.isPending && <Loading label="Loading goals" />}
        {!(isApiError(goals.error) && goals.error.status === 404) && (
          <ErrorAlert error={goals.error} title="Could not load goals" />
        )}
        {goals.isSuccess && list.length === 0 && <Text>No goals agreed yet.</Text>}
        {list.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.map((g) => (
              <GoalItem key={g.id} goal={g} />
            ))}
          </Stack>
        )}
        {mode === 'add' && <GoalForm episodeId={episodeId} onDone={() => setMode('list')} />}
        {mode === 'review' && <GoalReview episodeId={episodeId} goals={active} />}
        <ErrorAlert error={share.error} title="Could not share the plan" />
        {share.data && (
          <Text role="status">
            Plan shared (version {share.data.version}, {share.data.goals} goals)
            {share.data.changed
              ? '; the client is asked to acknowledge it.'
              : '; nothing had changed.'}
          </Text>
        )}
        <Group gap="xs">
          {mode !== 'add' && (
            <Button variant="default" onClick={() => setMode('add')}>
              Add a goal
            </Button>
          )}
          {mode !== 'review' && active.length > 0 && (
            <Button variant="default" onClick={() => setMode('review')}>
              Review goals
            </Button>
          )}
          {mode === 'review' && (
            <Button variant="default" onClick={() => setMode('list')}>
              Close the review
            </Button>
          )}
          {active.length > 0 && (
            <Button loading={share.isPending} onClick={() => share.mutate()}>
              Share the plan with the client
            </Button>
          )}
        </Group>
        <DiscussionForm episodeId={episodeId} />
      </Stack>
    </Paper>
  );
}
