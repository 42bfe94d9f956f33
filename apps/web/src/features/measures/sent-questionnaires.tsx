import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { MeasureTaskSummary, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { measureTaskStatusLabels } from '../../app/labels';
import { Loading } from '../../app/loading';
import { episodeTasksQuery } from './measures-api';

const colors: Record<MeasureTaskSummary['status'], string> = {
  open: 'blue',
  completed: 'teal',
  expired: 'gray',
};

function when(task: Wire<MeasureTaskSummary>): string {
  if (task.status === 'completed') return `Completed ${formatDate(task.completedAt)}`;
  const sent = task.appointmentId
    ? `For the session on ${formatDate(task.dueAt)}`
    : `Sent ${formatDate(task.dueAt)}`;
  return task.notifiedAt ? `${sent} · e-mailed` : `${sent} · not e-mailed`;
}

/** What the plan (or the therapist) has asked of the client so far, newest first, as cards. */
export function SentQuestionnaires({ episodeId }: { episodeId: string }): ReactElement {
  const tasks = useQuery(episodeTasksQuery(episodeId));
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Sent to the client
      </Title>
      {tasks.isPending && <Loading label="Loading questionnaires sent" />}
      <ErrorAlert error={tasks.error} title="Could not load the questionnaires sent" />
      {tasks.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing sent yet. The plan sends questionnaires 48 hours before a scheduled session, or
          send one now.
        </Text>
      )}
      {tasks.data && tasks.data.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {tasks.data.map((task) => (
            <Paper withBorder p="xs" component="li" key={task.id}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {task.title}
                </Text>
                <Badge color={colors[task.status]} variant="light" tt="none">
                  {measureTaskStatusLabels[task.status]}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {when(task)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
