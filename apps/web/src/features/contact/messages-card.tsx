import { Anchor, Card, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { useContactAgreement, useMessages, usePortalEpisode } from './contact-api';

/** The portal home's way to messages: new replies, or an agreement waiting to be read. */
export function MessagesCard(): ReactElement | null {
  const episode = usePortalEpisode();
  const id = episode.data?.id;
  const agreement = useContactAgreement(id);
  const governs = Boolean(agreement.data?.governingVersion);
  const messages = useMessages(governs ? id : undefined);
  if (!id || !agreement.data) return null;
  const waiting = agreement.data.parties.some(
    (p) => p.party === 'client' && p.response === 'pending',
  );
  const unread = messages.data?.unread ?? 0;
  return (
    <Card withBorder component="section" aria-labelledby="messages-card">
      <Title order={2} size="h4" mb="xs" id="messages-card">
        Messages
      </Title>
      <Text>
        {waiting
          ? 'Your therapist has set out how you can be in touch between sessions. Please read it.'
          : unread > 0
            ? `You have ${unread === 1 ? 'a new reply' : `${unread} new replies`} from your therapist.`
            : 'Write to your therapist between sessions.'}{' '}
        <Anchor component={Link} to="/messages">
          {waiting ? 'Read the agreement' : 'Open messages'}
        </Anchor>
      </Text>
    </Card>
  );
}
