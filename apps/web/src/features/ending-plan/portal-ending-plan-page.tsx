import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { usePortalEpisode } from '../contact/contact-api';
import { useAcceptEndingPlan, useEndingPlan } from './ending-plan-api';
import { EndingPlanForm } from './ending-plan-form';
import { EndingPlanTerms } from './ending-plan-terms';
import { agreementLines, planStateText } from './ending-plan-words';

/**
 * The client's side of the ending plan, phone first: read it in plain words, accept it, or
 * propose changes with the same form the therapist uses. Either of you can start it.
 */
export function PortalEndingPlanPage(): ReactElement {
  usePageTitle('Ending plan');
  const episode = usePortalEpisode();
  const episodeId = episode.data?.id;
  const plan = useEndingPlan(episodeId);
  const accept = useAcceptEndingPlan(episodeId ?? '');
  const [editing, setEditing] = useState(false);
  const data = plan.data;
  const mine = data?.parties.find((p) => p.party === 'client');
  const canAccept = Boolean(data && data.state === 'proposed' && mine?.response === 'pending');
  const closed = episode.data?.phase === 'closed';
  return (
    <Stack maw={720}>
      <Title order={1}>Ending plan</Title>
      {(episode.isPending || (plan.isPending && episodeId !== undefined)) && (
        <Loading label="Loading your ending plan" />
      )}
      <ErrorAlert error={episode.error ?? plan.error} title="Could not load your ending plan" />
      {episode.data === null && <Text>You have no therapy with the practice at the moment.</Text>}
      <Text size="sm">
        Therapy ends when you and your therapist both agree it is time. The plan sets the last
        session, how sessions are spaced out before it, what helps you stay well, and when you would
        like to check in afterwards. Nothing changes until you have both accepted it.
      </Text>
      {data === null && !editing && (
        <Text>
          No ending plan has been proposed yet. You can start one, or wait for your therapist.
        </Text>
      )}
      {data && !editing && (
        <Card withBorder component="section" aria-labelledby="plan-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="plan-heading">
              {canAccept ? 'Please read: your ending plan' : 'Your ending plan'}
            </Title>
            <Text size="sm">{planStateText(data, 'client')}</Text>
            <EndingPlanTerms plan={data} />
            {canAccept && (
              <>
                <ErrorAlert error={accept.error} title="Could not accept" />
                <Button onClick={() => accept.mutate(data.version)} loading={accept.isPending}>
                  I have read this and agree
                </Button>
              </>
            )}
            <details>
              <summary>Who agreed to what, and when</summary>
              <Stack gap={4} mt="xs">
                {data.history.map((v) => (
                  <Text size="sm" key={v.version}>
                    {agreementLines(v, 'client', 'You').join(' ')}
                  </Text>
                ))}
              </Stack>
            </details>
          </Stack>
        </Card>
      )}
      {editing && episodeId ? (
        <Card withBorder>
          <EndingPlanForm
            episodeId={episodeId}
            start={data?.terms ?? null}
            submitLabel="Propose to my therapist"
            onDone={() => setEditing(false)}
          />
        </Card>
      ) : (
        episodeId &&
        !closed && (
          <Group>
            <Button variant="light" onClick={() => setEditing(true)}>
              {data ? 'Propose changes' : 'Start an ending plan'}
            </Button>
          </Group>
        )
      )}
    </Stack>
  );
}
