import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import type { SentMessage, Wire } from '@throughline/contracts';
import { type ReactElement, useEffect } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { messageFileUrl, useMarkMessagesRead, useMessages } from './contact-api';
import { ReplyForm } from './reply-form';

/**
 * An episode's messages, oldest first, and a box to write. Opening it marks the other party's
 * messages read. `onSent` receives the answer (the auto-reply, crisis resources).
 */
export function Conversation({
  episodeId,
  viewerZone,
  canWrite,
  placeholder,
  onSent,
}: {
  episodeId: string;
  viewerZone?: string | undefined;
  canWrite: boolean;
  placeholder: string;
  onSent?: (sent: Wire<SentMessage>) => void;
}): ReactElement {
  const messages = useMessages(episodeId);
  const markRead = useMarkMessagesRead(episodeId);
  const unread = messages.data?.unread ?? 0;
  useEffect(() => {
    if (unread > 0 && !markRead.isPending) markRead.mutate();
  }, [unread]);
  const items = messages.data?.items ?? [];
  return (
    <Stack gap="sm">
      {messages.isPending && <Loading label="Loading messages" />}
      <ErrorAlert error={messages.error} title="Could not load the messages" />
      {messages.data && items.length === 0 && <Text size="sm">No messages yet.</Text>}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((m) => (
          <Card
            key={m.id}
            component="li"
            withBorder
            padding="sm"
            bg={m.mine ? 'var(--mantine-color-blue-0)' : undefined}
            ml={m.mine ? 'lg' : 0}
            mr={m.mine ? 0 : 'lg'}
          >
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {m.mine ? 'You' : m.senderName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatInZone(m.sentAt, viewerZone)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {m.body}
            </Text>
            {m.attachment && (
              <Anchor href={messageFileUrl(episodeId, m.attachment.id)} size="sm" download>
                {m.attachment.fileName} ({Math.max(1, Math.round(m.attachment.sizeBytes / 1024))}{' '}
                KB)
              </Anchor>
            )}
            {m.mine && (
              <Text size="xs" c="dimmed">
                {m.readAt ? `Read ${formatInZone(m.readAt, viewerZone)}` : 'Not read yet'}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
      {canWrite && (
        <ReplyForm
          episodeId={episodeId}
          label="Your message"
          button="Send"
          placeholder={placeholder}
          {...(onSent ? { onSent } : {})}
        />
      )}
    </Stack>
  );
}
