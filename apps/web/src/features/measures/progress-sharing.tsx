import { Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ProgressSharingState, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { Loading } from '../../app/loading';
import { namesList } from './instrument-names';
import { progressSharingQuery, useProgressSharing } from './measures-api';

type State = Wire<ProgressSharingState>;

/** The sharing state in words: shared since when and what the client sees, or what sharing shows. */
export function sharingWords(state: State, who: string): string {
  const scored = state.instrumentsWithScores;
  if (state.shared !== null) {
    const what =
      state.shared === 'all'
        ? scored.length > 0
          ? `every questionnaire (now ${namesList(scored)})`
          : 'every questionnaire, once there are scores'
        : namesList(state.shared);
    return `Shared with ${who} since ${formatDate(state.since)}. ${who} sees a plain-language summary of ${what} in their portal.`;
  }
  if (scored.length === 0)
    return `Not shared. There are no questionnaire scores yet; once ${who} has completed one, you can share a plain-language summary of it in their portal.`;
  return `Not shared. Sharing shows ${who} a plain-language summary of their ${namesList(scored)} ${scored.length === 1 ? 'score' : 'scores'} in their portal: the first and latest score, and whether the change is large enough to count.`;
}

/** Says whether progress is shared with the client and offers the one action that changes it. */
export function ProgressSharing({
  episodeId,
  clientName,
}: {
  episodeId: string;
  clientName: string | undefined;
}): ReactElement {
  const state = useQuery(progressSharingQuery(episodeId));
  const change = useProgressSharing(episodeId);
  const who = clientName || 'the client';
  if (state.isPending) return <Loading label="Loading the sharing state" />;
  if (state.isError)
    return <ErrorAlert error={state.error} title="Could not load whether progress is shared" />;
  const data = state.data;
  const shared = data.shared !== null;
  const canShare = data.instrumentsWithScores.length > 0;
  return (
    <Stack gap="xs" aria-labelledby="sharing-heading" component="section">
      <Text fw={600} id="sharing-heading">
        Sharing with {who}
      </Text>
      <Text size="sm" role="status" data-testid="sharing-state">
        {sharingWords(data, who)}
      </Text>
      {(shared || canShare) && (
        <Button
          variant={shared ? 'default' : 'light'}
          style={{ alignSelf: 'start' }}
          loading={change.isPending}
          onClick={() => change.mutate(!shared)}
        >
          {shared ? 'Stop sharing' : `Share progress with ${who}`}
        </Button>
      )}
      <ErrorAlert
        error={change.error}
        title={shared ? 'Could not stop sharing' : 'Could not share progress'}
      />
    </Stack>
  );
}
