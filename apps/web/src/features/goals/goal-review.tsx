import { Button, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import type { Goal } from '../../api/measure-types';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { ScrollRegion } from '../../app/scroll-region';
import { createReview, GAS_LEVELS, goalsKey, listReviews, reviewsKey, tScore } from './goals-api';

const levelData = GAS_LEVELS.map((l) => ({ value: String(l.value), label: l.label }));

/** Rate each active goal −2…+2; the GAS T-score previews as you go, the server stores it. */
export function GoalReview({
  episodeId,
  goals,
}: {
  episodeId: string;
  goals: Goal[];
}): ReactElement {
  const queryClient = useQueryClient();
  const [levels, setLevels] = useState<Record<string, string | null>>({});
  const [note, setNote] = useState('');
  const reviews = useQuery({
    queryKey: reviewsKey(episodeId),
    queryFn: () => listReviews(episodeId),
  });
  const rated = goals.filter((g) => levels[g.id] != null);
  const preview = tScore(rated.map((g) => Number(levels[g.id])));
  const save = useMutation({
    mutationFn: () =>
      createReview(episodeId, {
        ratings: rated.map((g) => ({ goalId: g.id, level: Number(levels[g.id]) })),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: () => {
      setLevels({});
      setNote('');
      void queryClient.invalidateQueries({ queryKey: reviewsKey(episodeId) });
      void queryClient.invalidateQueries({ queryKey: goalsKey(episodeId) });
    },
  });

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    if (rated.length > 0) save.mutate();
  }

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
              onChange={(v) => setLevels((prev) => ({ ...prev, [goal.id]: v }))}
              clearable
            />
          ))}
          <Text aria-live="polite">
            GAS T-score: {preview === null ? '—' : preview.toFixed(1)}{' '}
            <Text span size="sm">
              (Kiresuk–Sherman, equal weights, ρ = 0.3; 50 = goals met as expected)
            </Text>
          </Text>
          <Textarea
            label="Review note (optional)"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
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
        <ScrollRegion label="Earlier reviews (scrolls sideways)">
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
