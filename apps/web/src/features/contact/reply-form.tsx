import { Button, FileInput, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  ATTACHMENT_MAX_BYTES,
  MESSAGE_MAX_CHARS,
  type SentMessage,
  type Wire,
} from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useSendMessage } from './contact-api';

/** The one box for writing a message: the conversation, the portal and the brief's reply. */
export function ReplyForm({
  episodeId,
  label,
  button,
  placeholder,
  onSent,
}: {
  episodeId: string;
  label: string;
  button: string;
  placeholder?: string;
  onSent?: (sent: Wire<SentMessage>) => void;
}): ReactElement {
  const form = useForm<{ body: string; file: File | null }>({
    initialValues: { body: '', file: null },
    validate: {
      file: (f) =>
        f && f.size > ATTACHMENT_MAX_BYTES
          ? `This file is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`
          : null,
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
  return (
    <form onSubmit={form.onSubmit((v) => send.mutate(v))} className="print-hide">
      <Stack gap="xs">
        <Textarea
          label={label}
          placeholder={placeholder}
          autosize
          minRows={2}
          maxLength={MESSAGE_MAX_CHARS}
          {...form.getInputProps('body')}
        />
        <FileInput
          label="Attach a file (optional)"
          description={`Audio, PDF or text, up to ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`}
          accept="audio/*,application/pdf,text/plain"
          clearable
          {...form.getInputProps('file')}
        />
        <ErrorAlert error={send.error} title="The message was not sent" />
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>
            {button}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
