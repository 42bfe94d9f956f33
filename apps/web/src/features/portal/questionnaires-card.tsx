import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { measureTasksQuery } from '../measures/measures-api';

/** "Questionnaires to complete" on the portal home; hidden when there are none. */
export function QuestionnairesCard(): ReactElement | null {
  const tasks = useQuery(measureTasksQuery());
  // Until the server offers questionnaires, a 404 simply means there are none.
  if (isApiError(tasks.error) && tasks.error.status === 404) return null;
  if (tasks.isError)
    return <ErrorAlert error={tasks.error} title="Could not load questionnaires" />;
  const items = tasks.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="questionnaires">
      <Title order={2} size="h4" mb="xs" id="questionnaires">
        Questionnaires to complete
      </Title>
      <Text size="sm" mb="sm">
        A few minutes each. Your answers help you and your therapist see how things are going.
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((task) => {
          const started = task.answers?.some((a) => a !== null);
          return (
            <li key={task.id}>
              <Anchor component={Link} to={`/questionnaires/${task.id}`} fw={500}>
                {started ? `Continue: ${task.title}` : task.title}
              </Anchor>
              <Text size="sm">
                {task.items.length} questions
                {task.dueAt ? ` · by ${formatDate(task.dueAt)}` : ''}
              </Text>
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}
