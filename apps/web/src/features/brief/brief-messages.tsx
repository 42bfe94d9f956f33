import { Anchor, Badge, Stack, Text } from '@mantine/core';
import type { Message, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { formatInZone } from '../../app/format';
import { useContactAgreement, useMessages } from '../contact/contact-api';
import { agreementStateText } from '../contact/episode-contact-section';
import { ReplyForm } from '../contact/reply-form';
import { BriefCard } from './brief-card';

/** Messages since the last session, unread ones first (then newest first). */
export function messagesSince(
  items: readonly Wire<Message>[],
  since: string | null | undefined,
): Wire<Message>[] {
  const after = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
  const unread = (m: Wire<Message>) => !m.mine && m.readAt === null;
  return items
    .filter((m) => Date.parse(m.sentAt) > after)
    .sort(
      (a, b) =>
        Number(unread(b)) - Number(unread(a)) || Date.parse(b.sentAt) - Date.parse(a.sentAt),
    );
}

/**
 * The brief's messages card (issue 10): what the client wrote since the last session, unread
 * first, and a contact agreement change the client has not accepted yet.
 */
export function BriefMessages({
  episodeId,
  since,
  closed,
}: {
  episodeId: string;
  since: string | null | undefined;
  closed: boolean;
}): ReactElement {
  const messages = useMessages(episodeId);
  const agreement = useContactAgreement(episodeId);
  const items = messagesSince(messages.data?.items ?? [], since);
  const pending = agreement.data && agreement.data.state === 'proposed' ? agreement.data : null;
  const canReply = Boolean(agreement.data?.governingVersion) && !closed && items.length > 0;
  return (
    <BriefCard id="messages" title="Messages since the last session">
      <Stack gap="xs">
        {pending && <Text size="sm">Contact agreement: {agreementStateText(pending)}</Text>}
        {agreement.data === null && <Text size="sm">No contact agreement yet.</Text>}
        {messages.data && items.length === 0 && <Text>No messages since the last session.</Text>}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.slice(0, 5).map((m) => (
            <li key={m.id}>
              <Text size="sm" fw={600}>
                {m.mine ? 'You' : m.senderName} · {formatInZone(m.sentAt)}{' '}
                {!m.mine && m.readAt === null && (
                  <Badge size="xs" variant="outline" color="blue" c="dark.7" tt="none">
                    New
                  </Badge>
                )}
              </Text>
              <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                {m.body}
              </Text>
            </li>
          ))}
        </Stack>
        {items.length > 0 && (
          <Anchor
            component={Link}
            to={`/episodes/${episodeId}#contact-heading`}
            size="sm"
            className="print-hide"
          >
            {items.length > 5 ? `Read all ${items.length} and reply` : 'Read and reply'}
          </Anchor>
        )}
        {canReply && <ReplyForm episodeId={episodeId} label="Reply" button="Send reply" />}
      </Stack>
    </BriefCard>
  );
}
