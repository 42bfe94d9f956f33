import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Note, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { useSignNote } from './notes-api';
import { SignErrors } from './sign-errors';

type Props = {
  note: Pick<Wire<Note>, 'id' | 'episodeId' | 'template'>;
  flush: () => Promise<number | null>;
};

/** Signing locks the note; later corrections are addenda (issue 3). */
export function SignNoteButton({ note, flush }: Props): ReactElement {
  const [confirming, setConfirming] = useState(false);
  const mutation = useSignNote(note, flush, () => setConfirming(false));
  return (
    <>
      <Button onClick={() => setConfirming(true)}>Sign note</Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Sign this note?"
        centered
      >
        <Stack>
          <Text>
            A signed note can no longer be edited. Corrections are added as addenda, with your name
            and the time. Threads, the plan and homework are shared with the next session's brief,
            and homework appears in the client's portal.
          </Text>
          <SignErrors error={mutation.error} template={note.template} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep editing
            </Button>
            <Button loading={mutation.isPending} onClick={() => mutation.mutate()}>
              Sign
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
