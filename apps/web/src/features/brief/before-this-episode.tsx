import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { type BeforeThisEpisode, CHANGE_CATEGORY_WORDS, type Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { RelapsePlan } from '../ending/ending-summary-view';
import { bandText } from '../measures/measures-api';

/**
 * A returning client's brief starts here (issue 11): how the previous episode ended — the ending
 * summary (shared or still a draft), the relapse-prevention plan, the goals with their last
 * ratings and the last scores with their dates.
 */
export function BeforeThisEpisodeBrief({ item }: { item: Wire<BeforeThisEpisode> }): ReactElement {
  const f = item.facts;
  const s = item.summary;
  return (
    <Stack gap="sm">
      <Text>
        <Anchor component={Link} to={`/episodes/${item.episodeId}`} underline="always">
          {item.title}
        </Anchor>
        , from {formatDate(item.openedAt)}
        {item.facts.lastSessionOn
          ? ` to the last session on ${formatDate(`${item.facts.lastSessionOn}T12:00:00Z`)}`
          : ''}{' '}
        · {f.attendedSessions === 1 ? '1 session' : `${f.attendedSessions} sessions`}
      </Text>
      <Text>Outcome: {item.outcome}</Text>
      <Title order={3} size="h5">
        Ending summary
      </Title>
      {s ? (
        <>
          <Text size="sm" c="dimmed">
            Version {s.version},{' '}
            {s.sharedAt ? `shared with the client ${formatDate(s.sharedAt)}` : 'not shared'} ·{' '}
            <Anchor
              component={Link}
              to={`/episodes/${item.episodeId}/ending-summary`}
              underline="always"
            >
              Open it
            </Anchor>
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{s.progress}</Text>
          {s.whatHelped.length > 0 && (
            <>
              <Text fw={600}>What helped</Text>
              <List spacing={2}>
                {s.whatHelped.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            </>
          )}
        </>
      ) : (
        <Text>No ending summary was written.</Text>
      )}
      <Title order={3} size="h5">
        Relapse-prevention plan
      </Title>
      {item.relapsePrevention ? (
        <RelapsePlan plan={item.relapsePrevention} />
      ) : (
        <Text>No plan was agreed.</Text>
      )}
      <Title order={3} size="h5">
        Goals then
      </Title>
      {f.goals.length === 0 ? (
        <Text>No goals were written down.</Text>
      ) : (
        <List spacing={2}>
          {f.goals.map((g) => (
            <List.Item key={g.goalId}>
              {g.clientWords} —{' '}
              {g.attainment
                ? `${g.attainment.words} (reviewed ${formatDate(g.attainment.reviewedAt)})`
                : 'never reviewed'}
              {g.clientRating
                ? `; the client rated it “${g.clientRating.words}” on ${formatDate(g.clientRating.ratedAt)}`
                : ''}
            </List.Item>
          ))}
        </List>
      )}
      <Title order={3} size="h5">
        Last scores
      </Title>
      {f.scores.length === 0 ? (
        <Text>No questionnaires were completed.</Text>
      ) : (
        <List spacing={2}>
          {f.scores.map((sc) => (
            <List.Item key={sc.instrument}>
              {sc.title}: {sc.last.score} ({bandText(sc.last.band)}) on {formatDate(sc.last.at)}
              {sc.category
                ? `, ${CHANGE_CATEGORY_WORDS[sc.category].toLowerCase()} since the first`
                : ''}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
