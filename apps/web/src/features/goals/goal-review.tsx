import { Button, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type { TherapistGoal, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { ScrollRegion } from '../../app/scroll-region';
import { GAS_LEVELS, reviewsQuery, tScorePreview, useCreateReview } from './goals-api';

const levelData = GAS_LEVELS.map((l) => ({ value: String(l.value), label: l.label }));

/** Rate each active goal −2…+2; the GAS T-score previews as you go, the server stores it. */
export function GoalReview({
  episodeId,
  goals,
}: {
  episodeId: string;
  goals: Wire<TherapistGoal>[];
}): ReactElement {
  const form = useForm<{ levels: Record<string, string | null>; note: string }>({
    initialValues: { levels: {}, note: '' },
  });
  const reviews = useQuery(reviewsQuery(episodeId));
  const { levels, note } = form.values;
  const rated = goals.filter((g) => levels[g.id] != null);
  const preview = tScorePreview(
    rated.map((g) => ({ level: Number(levels[g.id]), weight: g.weight })),
  );
  const save = useCreateReview(episodeId);
  const onSubmit = form.onSubmit(() => {
    if (rated.length === 0) return;
    save.mutate(
      {
        ratings: rated.map((g) => ({ goalId: g.id, level: Number(levels[g.id]) })),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: () => form.reset() },
    );
  });

  const history = reviews.data ?? [];
  return (
    <Stack gap="sm">
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            Review the goals
          </Title>
          {goals.map((goal) => (
            <Select
              key={goal.id}
              label={goal.clientWords}
              description={
                goal.gasLevels['0'] ? `Expected outcome: ${goal.gasLevels['0']}` : undefined
              }
              placeholder="Not rated"
              data={levelData}
              value={levels[goal.id] ?? null}
              onChange={(v) => form.setFieldValue('levels', { ...levels, [goal.id]: v })}
              clearable
            />
          ))}
          <Text aria-live="polite">
            GAS T-score: {preview === null ? '—' : preview.toFixed(1)}{' '}
            <Text span size="sm">
              (Kiresuk–Sherman, each goal's weight, ρ = 0.3; 50 = goals met as expected)
            </Text>
          </Text>
          <Textarea
            label="Review note (optional)"
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <ErrorAlert error={save.error} title="Could not save the review" />
          <Group>
            <Button type="submit" disabled={rated.length === 0} loading={save.isPending}>
              Save review
            </Button>
          </Group>
        </Stack>
      </form>
      {history.length > 0 && (
        <ScrollRegion label="Earlier reviews">
          <Table style={{ minWidth: 320 }}>
            <Table.Caption>Earlier reviews</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">T-score</Table.Th>
                <Table.Th scope="col">Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDate(r.reviewedAt)}</Table.Td>
                  <Table.Td>{r.tScore.toFixed(1)}</Table.Td>
                  <Table.Td>{r.note ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}
