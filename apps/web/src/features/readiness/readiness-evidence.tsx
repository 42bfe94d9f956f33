import { List, Stack, Text, Title } from '@mantine/core';
import type { Readiness, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatDate } from '../../app/format';
import {
  allianceText,
  firstName,
  goalLevelText,
  measureText,
  outcomeText,
} from './readiness-words';

type Evidence = Wire<Readiness>['evidence'];

function Block({ title, children }: { title: string; children: ReactElement }): ReactElement {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Goals({ r }: { r: Wire<Readiness> }): ReactElement {
  const goals = r.evidence.goals;
  if (goals.length === 0)
    return (
      <Text size="sm">
        {r.viewer === 'client' ? 'No goals have been shared with you yet.' : 'No goals yet.'}
      </Text>
    );
  return (
    <List size="sm" spacing={4}>
      {goals.map((g) => (
        <List.Item key={g.id}>
          “{g.words}”
          {r.viewer === 'therapist' &&
            ` — latest review: ${goalLevelText(g.latestLevel)}${g.reviewedAt ? ` (${formatDate(g.reviewedAt)})` : ''}`}
          {g.clientRating !== null &&
            ` — ${r.viewer === 'client' ? 'your' : `${firstName(r.clientName)}’s`} own rating: ${goalLevelText(g.clientRating)}`}
        </List.Item>
      ))}
    </List>
  );
}

function Homework({ evidence }: { evidence: Evidence }): ReactElement {
  const h = evidence.homework;
  if (h.items.length === 0) return <Text size="sm">No homework was set.</Text>;
  return (
    <Text size="sm">
      {h.done} done, {h.assigned} still open
      {h.assigned > 0 &&
        `: ${h.items
          .filter((i) => i.status === 'assigned')
          .map((i) => i.title)
          .join('; ')}`}
      .
    </Text>
  );
}

/** What the review rests on, for the therapist (all of it) or the client (their part). */
export function ReadinessEvidence({ r }: { r: Wire<Readiness> }): ReactElement {
  const e = r.evidence;
  const sessions = `${e.sessionsAttended} session${e.sessionsAttended === 1 ? '' : 's'} attended so far.`;
  return (
    <Stack gap="sm">
      <Text size="sm">{sessions}</Text>
      <Block title="Goals">
        <Goals r={r} />
      </Block>
      {e.measures && (
        <Block title="Scores, first and most recent">
          {e.measures.length === 0 ? (
            <Text size="sm">No questionnaires answered yet.</Text>
          ) : (
            <List size="sm" spacing={4}>
              {e.measures.map((m) => (
                <List.Item key={m.instrument}>{measureText(m)}</List.Item>
              ))}
            </List>
          )}
        </Block>
      )}
      {e.outcome && (
        <Block title="Episode outcome">
          <Text size="sm">{outcomeText(e.outcome)}</Text>
        </Block>
      )}
      {e.notOnTrack && (
        <Block title="On track?">
          <Text size="sm">
            {e.notOnTrack.open
              ? `Not on track: ${e.notOnTrack.sources.join('; ')}.`
              : 'No “not on track” alert is open.'}
          </Text>
        </Block>
      )}
      {e.alliance && (
        <Block title="Working alliance (session feedback)">
          <Text size="sm">{allianceText(e.alliance)}</Text>
        </Block>
      )}
      {e.openThreads && (
        <Block title="Open threads">
          <Text size="sm">
            {e.openThreads.length === 0
              ? 'No open threads.'
              : e.openThreads.map((t) => t.title).join('; ')}
          </Text>
        </Block>
      )}
      <Block title="Homework">
        <Homework evidence={e} />
      </Block>
    </Stack>
  );
}
