import {
  Button,
  Fieldset,
  FileInput,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { ATTACHMENT_MAX_BYTES, type HomeworkInput } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { linkError } from './note-draft';
import { useUploadAttachment } from './notes-api';

const ACCEPT = 'audio/*,application/pdf,text/plain';

type ItemProps = {
  episodeId: string;
  item: HomeworkInput;
  index: number;
  onChange: (patch: Partial<HomeworkInput>) => void;
  onRemove: () => void;
};

function HomeworkItemFields({ episodeId, item, index, onChange, onRemove }: ItemProps) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const uploadFile = useUploadAttachment(episodeId);
  function pick(file: File | null): void {
    setTooBig(false);
    if (!file) {
      setFileName(null);
      onChange({ attachmentId: undefined });
      return;
    }
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setTooBig(true);
      return;
    }
    uploadFile.mutate(file, {
      onSuccess: (attachment) => {
        setFileName(attachment.fileName);
        onChange({ attachmentId: attachment.id });
      },
    });
  }
  return (
    <Fieldset legend={`Homework ${index + 1}`}>
      <Stack gap="sm">
        <TextInput
          label="Homework title"
          value={item.title}
          onChange={(e) => onChange({ title: e.currentTarget.value })}
        />
        <Textarea
          label="Instructions for the client"
          description="The client reads this in the portal"
          autosize
          minRows={2}
          value={item.instructions}
          onChange={(e) => onChange({ instructions: e.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Link"
            type="url"
            value={item.link ?? ''}
            onChange={(e) => onChange({ link: e.currentTarget.value || undefined })}
            error={linkError(item.link)}
          />
          <TextInput
            label="Due"
            type="date"
            value={item.dueOn ?? ''}
            onChange={(e) => onChange({ dueOn: e.currentTarget.value || undefined })}
          />
        </SimpleGrid>
        <FileInput
          label="File for the client (optional)"
          description="Audio, PDF or text, up to 10 MB"
          accept={ACCEPT}
          clearable
          onChange={pick}
          error={tooBig ? 'This file is larger than 10 MB.' : undefined}
        />
        {uploadFile.isPending && <Text size="sm">Uploading…</Text>}
        {fileName && item.attachmentId && <Text size="sm">Attached: {fileName}</Text>}
        <ErrorAlert error={uploadFile.error} title="Could not upload the file" />
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={onRemove}>
            Remove homework {index + 1}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

type Props = {
  episodeId: string;
  items: HomeworkInput[];
  onChange: (items: HomeworkInput[]) => void;
};

export function HomeworkFields({ episodeId, items, onChange }: Props): ReactElement {
  return (
    <Stack>
      {items.map((item, index) => (
        <HomeworkItemFields
          key={index}
          episodeId={episodeId}
          item={item}
          index={index}
          onChange={(patch) =>
            onChange(items.map((it, i) => (i === index ? { ...it, ...patch } : it)))
          }
          onRemove={() => onChange(items.filter((_, i) => i !== index))}
        />
      ))}
      <Button
        variant="default"
        style={{ alignSelf: 'start' }}
        onClick={() => onChange([...items, { title: '', instructions: '' }])}
      >
        Add homework
      </Button>
    </Stack>
  );
}
