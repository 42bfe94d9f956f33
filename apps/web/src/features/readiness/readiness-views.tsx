import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import type { Readiness, ReadinessView, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatDate } from '../../app/format';
import { disagreementText, firstName, levelText } from './readiness-words';

/** Dark text on the light alert colours: the coloured title alone fails contrast (axe). */
export const READABLE = {
  title: { color: 'var(--mantine-color-dark-9)' },
  message: { color: 'var(--mantine-color-dark-9)' },
};

function ViewCard({
  title,
  view,
  viewer,
  empty,
}: {
  title: string;
  view: Wire<ReadinessView> | null;
  viewer: 'client' | 'therapist';
  empty: string;
}): ReactElement {
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Title order={3} size="h5">
          {title}
        </Title>
        {view ? (
          <>
            <Text fw={600}>{levelText(view.level, viewer)}</Text>
            {view.words && <Text style={{ whiteSpace: 'pre-wrap' }}>“{view.words}”</Text>}
            <Text size="sm" c="dimmed">
              {view.givenBy}, {formatDate(view.givenAt)}
            </Text>
          </>
        ) : (
          <Text size="sm">{empty}</Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Both sides' latest views, the difference between them stated plainly, and the history. */
export function ReadinessViews({ r }: { r: Wire<Readiness> }): ReactElement {
  const client = firstName(r.clientName);
  const therapist = firstName(r.therapistName);
  const mine = r.viewer === 'client' ? r.current.client : r.current.therapist;
  const theirs = r.viewer === 'client' ? r.current.therapist : r.current.client;
  const other = r.viewer === 'client' ? therapist : client;
  const difference = disagreementText(r);
  const older = r.history.filter(
    (v) => v.id !== r.current.client?.id && v.id !== r.current.therapist?.id,
  );
  return (
    <Stack gap="sm">
      <ViewCard
        title="Your view"
        view={mine}
        viewer={r.viewer}
        empty="You have not given your view yet."
      />
      <ViewCard
        title={`${other}’s view`}
        view={theirs}
        viewer={r.viewer}
        empty={`${other} has not given their view yet.`}
      />
      {difference && (
        <Alert
          color={r.disagreement?.differs ? 'orange' : 'teal'}
          title="Your views side by side"
          styles={READABLE}
        >
          {difference}
          {r.disagreement?.differs &&
            ' This is worth talking about together; neither view is wrong.'}
        </Alert>
      )}
      {older.length > 0 && (
        <details>
          <summary>Earlier answers ({older.length})</summary>
          <Stack gap={4} mt="xs">
            {older.map((v) => (
              <Text key={v.id} size="sm">
                {formatDate(v.givenAt)} — {v.party === 'client' ? client : therapist}:{' '}
                {levelText(v.level, r.viewer)}
                {v.words ? ` — “${v.words}”` : ''}
              </Text>
            ))}
          </Stack>
        </details>
      )}
    </Stack>
  );
}
