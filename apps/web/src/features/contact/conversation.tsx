import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { MESSAGE_MAX_CHARS, type SentMessage, type Wire } from '@throughline/contracts';
import { type ReactElement, useEffect } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { useMarkMessagesRead, useMessages, useSendMessage } from './contact-api';

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
  const form = useForm({
    initialValues: { body: '' },
    validate: {
      body: (v) =>
        v.trim().length === 0
          ? 'Write something before sending.'
          : v.length > MESSAGE_MAX_CHARS
            ? `At most ${MESSAGE_MAX_CHARS} characters; shorten it or split it in two.`
            : null,
    },
  });
  const send = useSendMessage(episodeId, {
    onSuccess: (sent) => {
      form.reset();
      onSent?.(sent);
    },
  });
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
            {m.mine && (
              <Text size="xs" c="dimmed">
                {m.readAt ? `Read ${formatInZone(m.readAt, viewerZone)}` : 'Not read yet'}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
      {canWrite && (
        <form onSubmit={form.onSubmit(({ body }) => send.mutate(body))}>
          <Stack gap="xs">
            <Textarea
              label="Your message"
              placeholder={placeholder}
              autosize
              minRows={3}
              maxLength={MESSAGE_MAX_CHARS}
              {...form.getInputProps('body')}
            />
            <ErrorAlert error={send.error} title="The message was not sent" />
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending}>
                Send
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
