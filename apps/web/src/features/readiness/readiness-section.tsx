import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { readinessQuery } from './readiness-api';
import { ReadinessPanel } from './readiness-panel';
import { levelText } from './readiness-words';

/**
 * The readiness review on the therapist's episode page (issue 11): closed by default with a
 * one-line state, opened at any time.
 */
export function ReadinessSection({ episodeId }: { episodeId: string }): ReactElement {
  const review = useQuery(readinessQuery(episodeId));
  const [open, setOpen] = useState(false);
  const r = review.data;
  const state = r
    ? [
        r.current.client ? `Client: ${levelText(r.current.client.level, 'therapist')}` : null,
        r.current.therapist ? `You: ${levelText(r.current.therapist.level, 'therapist')}` : null,
        r.disagreement?.differs ? 'you see it differently' : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="readiness"
      id="readiness-review"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="readiness">
          Readiness review
        </Title>
        {review.isPending && <Loading label="Loading the readiness review" />}
        <ErrorAlert error={review.error} title="Could not load the readiness review" />
        {r && (
          <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>
              {state || 'No views yet.'}
              {r.suggestion?.suggested ? ' — suggested now' : ''}
            </summary>
            {open && (
              <Stack mt="sm">
                <Text size="sm">
                  What the record shows, and how you and {r.clientName} each see readiness to end.{' '}
                  {r.clientName} answers in the portal and can read your view.
                </Text>
                <ReadinessPanel r={r} />
              </Stack>
            )}
          </details>
        )}
      </Stack>
    </Paper>
  );
}
