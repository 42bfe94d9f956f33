import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ENDING_SUMMARY_PHASES, type Phase } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/problem';
import { formatDateTime } from '../../app/format';
import { endingSummaryQuery } from './ending-summary-api';

/**
 * The episode page's pointer to the ending summary. Whether there is one yet is the server's rule
 * (`ENDING_SUMMARY_PHASES`, from the ending on): before that nothing is asked or shown here.
 */
export function EndingSummarySection({
  episodeId,
  phase,
}: {
  episodeId: string;
  phase: Phase;
}): ReactElement | null {
  const summary = useQuery({
    ...endingSummaryQuery(episodeId),
    retry: false,
    enabled: (ENDING_SUMMARY_PHASES as readonly Phase[]).includes(phase),
  });
  if (summary.error instanceof ApiError && summary.error.status === 409) return null;
  const data = summary.data;
  if (!data) return null;
  return (
    <Card withBorder component="section" aria-labelledby="ending-summary">
      <Stack gap="xs">
        <Title order={2} id="ending-summary" size="h3">
          Ending summary
        </Title>
        <Text>
          {data.version === 0
            ? 'Not written yet: a first draft from the record is ready to edit.'
            : data.state === 'shared'
              ? `Shared with the client ${formatDateTime(data.sharedAt)}.`
              : `A draft (version ${data.version}), not shared${data.sharedVersion ? `; the client sees version ${data.sharedVersion}` : ''}.`}
        </Text>
        <Anchor component={Link} to={`/episodes/${episodeId}/ending-summary`}>
          {data.version === 0 ? 'Write the ending summary' : 'Open the ending summary'}
        </Anchor>
      </Stack>
    </Card>
  );
}
