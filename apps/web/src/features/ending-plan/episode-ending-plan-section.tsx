import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { useAcceptEndingPlan, useEndingPlan } from './ending-plan-api';
import { EndingPlanForm } from './ending-plan-form';
import { EndingPlanTerms } from './ending-plan-terms';
import { agreementLines, planStateText } from './ending-plan-words';

/**
 * The episode's ending plan, for the therapist: propose or change it, read who agreed to which
 * version and when, and accept a version the client proposed. The episode moves to ending when
 * both have accepted the same version (APA 10.10 (c); docs/ending.md).
 */
export function EpisodeEndingPlanSection({
  episodeId,
  clientName,
  closed,
}: {
  episodeId: string;
  clientName: string;
  closed: boolean;
}): ReactElement {
  const plan = useEndingPlan(episodeId);
  const accept = useAcceptEndingPlan(episodeId);
  const [editing, setEditing] = useState(false);
  const data = plan.data;
  const mine = data?.parties.find((p) => p.party === 'therapist');
  const canAccept = Boolean(data && data.state === 'proposed' && mine?.response === 'pending');
  return (
    <Card withBorder component="section" aria-labelledby="ending-plan-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="ending-plan-heading">
            Ending plan
          </Title>
          {data?.state === 'accepted' && (
            <Badge color="teal" variant="outline" tt="none">
              Agreed by both
            </Badge>
          )}
          {canAccept && (
            <Badge color="orange" variant="outline" c="dark.7" tt="none">
              {clientName} proposed a plan
            </Badge>
          )}
        </Group>
        {plan.isPending && <Loading label="Loading the ending plan" />}
        <ErrorAlert error={plan.error} title="Could not load the ending plan" />
        {data === null && !editing && (
          <Text size="sm">
            No ending plan yet. When it is time, propose one with {clientName}: the last session,
            how sessions are spaced out, a plan for staying well and the check-ins after. The
            episode moves to ending once you have both accepted the same version.
          </Text>
        )}
        {data && !editing && (
          <>
            <Text size="sm">{planStateText(data, 'therapist')}</Text>
            <EndingPlanTerms plan={data} />
            <details>
              <summary>Who agreed to what, and when</summary>
              <Stack gap={4} mt="xs">
                {data.history.map((v) => (
                  <Text size="sm" key={v.version}>
                    {agreementLines(v, 'therapist', clientName).join(' ')}
                  </Text>
                ))}
              </Stack>
            </details>
            {canAccept && (
              <>
                <ErrorAlert error={accept.error} title="Could not accept" />
                <Group>
                  <Button onClick={() => accept.mutate(data.version)} loading={accept.isPending}>
                    Accept version {data.version}
                  </Button>
                </Group>
              </>
            )}
          </>
        )}
        {editing ? (
          <EndingPlanForm
            episodeId={episodeId}
            start={data?.terms ?? null}
            submitLabel={`Propose to ${clientName}`}
            onDone={() => setEditing(false)}
          />
        ) : (
          !closed && (
            <Group>
              <Button variant="light" onClick={() => setEditing(true)}>
                {data ? 'Propose a change' : 'Propose an ending plan'}
              </Button>
            </Group>
          )
        )}
      </Stack>
    </Card>
  );
}
