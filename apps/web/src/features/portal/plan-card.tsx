import { Badge, Button, Card, List, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { gasClientWords } from '@throughline/clinical';
import type { ClientGoal, GoalRating as Rating, Wire } from '@throughline/contracts';
import { type ReactElement, useId } from 'react';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { clientGoalStatusLabels } from '../../app/labels';
import { portalPlanQuery, useAcknowledgePlan, useRateGoal } from '../goals/goals-api';

type Option = { value: string; label: string };

/** The plan's plain-language scale as select options, from −2 to +2. */
function scaleOptions(scale: Record<string, string>): Option[] {
  return Object.entries(scale)
    .map(([key, label]) => ({ value: String(Number(key)), label }))
    .sort((a, b) => Number(a.value) - Number(b.value));
}

/** The client's own latest rating, in words: the level's wording, the date and their comment. */
function LastRating({ rating }: { rating: Wire<Rating> }): ReactElement {
  const words = gasClientWords(rating.level);
  return (
    <Text size="sm">
      On {formatDate(rating.ratedAt)} you said:{' '}
      {words ? words.charAt(0).toLowerCase() + words.slice(1) : 'you rated it'}.
      {rating.comment ? ` You added: “${rating.comment}”` : ''}
    </Text>
  );
}

function GoalRating({ goal, scale }: { goal: Wire<ClientGoal>; scale: Option[] }): ReactElement {
  const headingId = useId();
  const stepsId = useId();
  const status = clientGoalStatusLabels[goal.status];
  const form = useForm<{ level: string | null; comment: string }>({
    initialValues: { level: null, comment: '' },
  });
  const rate = useRateGoal();
  const { level } = form.values;
  const submit = form.onSubmit(({ level, comment }) => {
    if (level === null) return;
    const note = comment.trim();
    rate.mutate(
      { goalId: goal.id, level: Number(level), ...(note ? { comment: note } : {}) },
      { onSuccess: () => form.setFieldValue('comment', '') },
    );
  });
  const last = goal.latestRating;
  return (
    <Card withBorder component="li" aria-labelledby={headingId}>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {goal.clientWords}
          </Title>
          {status && (
            <Badge
              variant="outline"
              color="teal"
              c="dark.7"
              tt="none"
              style={{ alignSelf: 'start' }}
            >
              {status}
            </Badge>
          )}
          {goal.objectives.length > 0 && (
            <div>
              <Text size="sm" fw={500} id={stepsId}>
                Steps towards it
              </Text>
              <List size="sm" aria-labelledby={stepsId}>
                {goal.objectives.map((step, i) => (
                  <List.Item key={`${i}-${step}`}>{step}</List.Item>
                ))}
              </List>
            </div>
          )}
          {last && <LastRating rating={last} />}
          <Select
            label="How are you doing with this goal?"
            data={scale}
            {...form.getInputProps('level')}
            allowDeselect={false}
          />
          <Textarea
            label="Anything you want to add?"
            description="Optional. Your therapist reads this."
            autosize
            minRows={2}
            {...form.getInputProps('comment')}
          />
          <ErrorAlert error={rate.error} title="Could not save your rating" />
          {rate.isSuccess && <Text role="status">Thank you — saved.</Text>}
          <Button
            type="submit"
            style={{ alignSelf: 'start' }}
            disabled={level === null}
            loading={rate.isPending}
          >
            Save
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** "Your plan": the goals the therapist shared, to acknowledge and rate. */
export function PlanCard(): ReactElement | null {
  const plan = useQuery(portalPlanQuery());
  const ack = useAcknowledgePlan();
  if (isApiError(plan.error) && plan.error.status === 404) return null;
  if (plan.isError) return <ErrorAlert error={plan.error} title="Could not load your plan" />;
  const data = plan.data;
  if (!data || data.goals.length === 0) return null;
  const scale = scaleOptions(data.scale);
  return (
    <Card withBorder component="section" aria-labelledby="your-plan">
      <Title order={2} size="h4" mb="xs" id="your-plan">
        Your plan
      </Title>
      <Text size="sm" mb="sm">
        Your goals and the steps towards them, as your therapist shared them on{' '}
        {formatDate(data.sharedAt)}. Tell your therapist how each one is going.
      </Text>
      <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {data.goals.map((goal) => (
          <GoalRating key={goal.id} goal={goal} scale={scale} />
        ))}
      </Stack>
      <ErrorAlert error={ack.error} title="Could not record that" />
      {data.acknowledgedAt ? (
        <Text size="sm" mt="sm">
          You agreed to this plan on {formatDate(data.acknowledgedAt)}.
        </Text>
      ) : (
        <Button mt="sm" loading={ack.isPending} onClick={() => ack.mutate(data.id)}>
          I have read this plan and agree with it
        </Button>
      )}
    </Card>
  );
}
