import {
  Button,
  Checkbox,
  CloseButton,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { listOpenThreads, threadsKey } from '../episodes/episodes-api';
import { HomeworkFields } from './homework-fields';
import type { DraftBody as NoteBody } from './note-draft';

type Props = { episodeId: string; body: NoteBody; onChange: (patch: NoteBody) => void };

function NewThreads({ body, onChange }: Omit<Props, 'episodeId'>): ReactElement {
  const [draft, setDraft] = useState('');
  const threads = body.threadsToOpen ?? [];
  function add(): void {
    const title = draft.trim();
    if (!title) return;
    onChange({ threadsToOpen: [...threads, title] });
    setDraft('');
  }
  return (
    <Stack gap="xs">
      <Group align="end" gap="sm">
        <TextInput
          label="New thread"
          description="A theme to keep following until you close it"
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          style={{ flex: '1 1 220px' }}
        />
        <Button variant="default" onClick={add}>
          Add thread
        </Button>
      </Group>
      {threads.length > 0 && (
        <Stack component="ul" gap={4} pl="md" m={0} aria-label="Threads this note opens">
          {threads.map((title, index) => (
            <Group component="li" key={`${title}-${index}`} gap="xs">
              <Text>{title}</Text>
              <CloseButton
                size="sm"
                aria-label={`Remove thread ${title}`}
                onClick={() => onChange({ threadsToOpen: threads.filter((_, i) => i !== index) })}
              />
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function CarryForwardFields({ episodeId, body, onChange }: Props): ReactElement {
  const open = useQuery({
    queryKey: threadsKey(episodeId),
    queryFn: () => listOpenThreads(episodeId),
  });
  const openThreads = open.data?.items ?? [];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="carries">
      <Stack>
        <Title order={2} size="h3" id="carries">
          Carries forward
        </Title>
        <Text size="sm">What you write here opens the next session's brief.</Text>
        <Textarea
          label="Plan for next session"
          autosize
          minRows={2}
          value={body.planForNext ?? ''}
          onChange={(e) => onChange({ planForNext: e.currentTarget.value })}
        />
        <NewThreads body={body} onChange={onChange} />
        {openThreads.length > 0 && (
          <Checkbox.Group
            label="Threads to close"
            value={body.threadsToClose ?? []}
            onChange={(value) => onChange({ threadsToClose: value })}
          >
            <Stack gap="xs" mt="xs">
              {openThreads.map((thread) => (
                <Checkbox key={thread.id} value={thread.id} label={thread.title} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Title order={3} size="h4">
          Homework
        </Title>
        <HomeworkFields
          episodeId={episodeId}
          items={body.homework ?? []}
          onChange={(homework) => onChange({ homework })}
        />
      </Stack>
    </Paper>
  );
}
