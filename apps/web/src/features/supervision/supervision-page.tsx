import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { phaseLabels, supervisionPartLabels } from '../../app/labels';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { supervisedEpisodesQuery } from '../consent/consent-api';

/** "and"-joined words: "notes, scores and goals". */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * The supervisor's home: the episodes of the therapists they supervise whose clients consented
 * to supervision — read fresh each time, so a withdrawn consent is gone at once.
 */
export function SupervisionPage(): ReactElement {
  usePageTitle('Supervision');
  const episodes = useQuery(supervisedEpisodesQuery());
  const items = episodes.data ?? [];
  return (
    <Stack maw={720}>
      <Title order={1}>Supervision</Title>
      <Text>
        Clients who agreed to supervision, for the therapists you supervise. You can read only what
        each client's consent names; you cannot change anything, and every time you look it is
        recorded in the client's access report.
      </Text>
      {episodes.isPending && <Loading label="Loading supervised clients" />}
      <ErrorAlert error={episodes.error} title="Could not load supervised clients" />
      {episodes.isSuccess && items.length === 0 && (
        <Card withBorder>
          <Text>
            No client has shared records with you at the moment. Supervisors see a client's records
            only while the client consents to it.
          </Text>
        </Card>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((e) => (
          <Card withBorder component="li" key={e.episodeId}>
            <Stack gap={4}>
              <Anchor component={Link} to={`/supervision/episodes/${e.episodeId}`} fw={600}>
                {e.clientName}
                {e.pronouns ? ` (${e.pronouns})` : ''}
              </Anchor>
              <Text size="sm">
                Therapist: {e.therapistName} · {phaseLabels[e.phase]}
              </Text>
              <Text size="sm">
                Shared with you: {listWords(e.shares.map((p) => supervisionPartLabels[p]))}.
              </Text>
              <Text size="xs" c="dimmed">
                Consent signed {formatInZone(e.consentSignedAt, null, { dateOnly: true })}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
