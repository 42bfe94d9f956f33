import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import type { SentMessage, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { CrisisResourcesPanel } from '../measures/crisis-resources';
import { AgreementTerms } from './agreement-terms';
import { useAcceptContactAgreement, useContactAgreement, usePortalEpisode } from './contact-api';
import { Conversation } from './conversation';

/**
 * The client's messages with their therapist (issue 10), phone first: the contact agreement to
 * read and accept, then the conversation. Writing opens once an agreement with messages has been
 * accepted; outside the therapist's hours the auto-reply shows at once, and after words about
 * harming oneself the crisis resources do.
 */
export function PortalMessagesPage(): ReactElement {
  usePageTitle('Messages');
  const episode = usePortalEpisode();
  const episodeId = episode.data?.id;
  const agreement = useContactAgreement(episodeId);
  const accept = useAcceptContactAgreement(episodeId ?? '');
  const [sent, setSent] = useState<Wire<SentMessage> | null>(null);
  const data = agreement.data;
  const mine = data?.parties.find((p) => p.party === 'client');
  const pending = data && mine?.response === 'pending' && data.state === 'proposed';
  const governs = data?.governingVersion !== null && data?.governingVersion !== undefined;
  const closed = episode.data?.phase === 'closed';
  // A change not yet accepted leaves the accepted version in force (the server decides; a refusal
  // says why).
  const canWrite = Boolean(governs && !closed && (pending || data?.terms.channels.messages));

  return (
    <Stack maw={720}>
      <Title order={1}>Messages</Title>
      {(episode.isPending || agreement.isPending) && episodeId !== undefined && (
        <Loading label="Loading your messages" />
      )}
      <ErrorAlert error={episode.error ?? agreement.error} title="Could not load your messages" />
      {episode.data === null && <Text>You have no therapy with the practice at the moment.</Text>}
      {agreement.data === null && (
        <Text>
          Your therapist has not set out how you can be in touch between sessions yet. Once they
          have, you can read it here, and messages open when you accept it.
        </Text>
      )}
      {data && (
        <Card withBorder component="section" aria-labelledby="agreement-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="agreement-heading">
              {pending ? 'Please read: how we keep in touch' : 'How we keep in touch'}
            </Title>
            {pending && data.governingVersion !== null && (
              <Text size="sm">
                Your therapist has proposed a change. Until you accept it, the version you accepted
                before still applies.
              </Text>
            )}
            {pending ? (
              <AgreementTerms agreement={data} viewer="client" />
            ) : (
              <details>
                <summary>Read the agreement</summary>
                <AgreementTerms agreement={data} viewer="client" />
              </details>
            )}
            {pending ? (
              <>
                <ErrorAlert error={accept.error} title="Could not accept" />
                <Button onClick={() => accept.mutate(data.version)} loading={accept.isPending}>
                  I have read this and agree
                </Button>
              </>
            ) : (
              mine?.respondedAt && (
                <Text size="sm" c="dimmed">
                  You agreed on {formatInZone(mine.respondedAt, data.clientTimeZone)}.
                </Text>
              )
            )}
          </Stack>
        </Card>
      )}
      {sent?.crisisResources && <CrisisResourcesPanel value={sent.crisisResources} />}
      {sent?.autoReply && (
        <Alert color="gray" variant="outline" title="Automatic reply" role="status">
          <Text size="sm">{sent.autoReply.text}</Text>
        </Alert>
      )}
      {sent?.autoReply && !sent.crisisResources && (
        <CrisisResourcesPanel value={sent.autoReply.crisisResources} />
      )}
      {episodeId && data && (
        <Card withBorder component="section" aria-labelledby="conversation-heading">
          <Title order={2} size="h4" id="conversation-heading" mb="sm">
            Your conversation
          </Title>
          {!canWrite && (
            <Text size="sm" mb="sm">
              {closed
                ? 'This therapy has ended, so new messages cannot be sent here.'
                : pending && !governs
                  ? 'Messages open once you have accepted the agreement above.'
                  : 'Portal messages are not part of your agreement.'}
            </Text>
          )}
          <Conversation
            episodeId={episodeId}
            viewerZone={data.clientTimeZone}
            canWrite={canWrite}
            placeholder="For example: can we move Thursday's session?"
            onSent={setSent}
          />
        </Card>
      )}
    </Stack>
  );
}
