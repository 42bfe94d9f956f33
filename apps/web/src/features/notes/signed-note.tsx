import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Note, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate, formatDateTime } from '../../app/format';
import { MusicTherapyFields } from './music-fields';
import { useAddAddendum } from './notes-api';
import { templateFields, textOf } from './templates';

function Field({ label, value }: { label: string; value: string }): ReactElement | null {
  if (!value) return null;
  return (
    <Stack gap={2}>
      <Text fw={600}>{label}</Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>
    </Stack>
  );
}

function AddendumForm({ note }: { note: Wire<Note> }): ReactElement {
  const form = useForm({ initialValues: { text: '' } });
  const mutation = useAddAddendum(note);
  const submit = form.onSubmit(({ text }) =>
    mutation.mutate(text.trim(), { onSuccess: () => form.reset() }),
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <ErrorAlert error={mutation.error} title="Could not add the addendum" />
        <Textarea
          label="Addendum"
          description="A correction or addition; it is kept with your name and the time"
          autosize
          minRows={2}
          {...form.getInputProps('text')}
        />
        <Button
          type="submit"
          style={{ alignSelf: 'start' }}
          disabled={!form.values.text.trim()}
          loading={mutation.isPending}
        >
          Add addendum
        </Button>
      </Stack>
    </form>
  );
}

export function SignedNote({ note }: { note: Wire<Note> }): ReactElement {
  const { body } = note;
  const homework = body.homework ?? [];
  return (
    <Stack>
      <Alert color="teal" variant="light" title="Signed">
        Signed {formatDateTime(note.signedAt)}. The note is locked; add an addendum to correct it.
      </Alert>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack>
          {note.template === 'music-therapy' && (
            <MusicTherapyFields body={body} onChange={() => undefined} readOnly />
          )}
          {templateFields[note.template].map((f) => (
            <Field key={f.key} label={f.label} value={textOf(body, f.key)} />
          ))}
          <Field label="Plan for next session" value={body.planForNext ?? ''} />
          <Field label="Threads opened" value={(body.threadsToOpen ?? []).join(', ')} />
          {homework.map((h, i) => (
            <Field
              key={i}
              label={`Homework: ${h.title}`}
              value={[h.instructions, h.link, h.dueOn && `Due ${formatDate(h.dueOn)}`]
                .filter(Boolean)
                .join('\n')}
            />
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="addenda">
        <Stack>
          <Title order={2} size="h3" id="addenda">
            Addenda
          </Title>
          {note.addenda.map((a) => (
            <Stack key={a.id} gap={2}>
              <Text size="sm" fw={600}>
                {a.authorName}, {formatDateTime(a.createdAt)}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
            </Stack>
          ))}
          <AddendumForm note={note} />
        </Stack>
      </Paper>
    </Stack>
  );
}
