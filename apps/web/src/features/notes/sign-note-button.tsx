import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import type { NoteTemplate } from '../../api/note-types';
import { ApiError } from '../../api/problem';
import { noteKey, signNote } from './notes-api';
import { SignErrors } from './sign-errors';

type Props = {
  noteId: string;
  episodeId: string;
  template: NoteTemplate;
  flush: () => Promise<number | null>;
};

/** Signing locks the note; later corrections are addenda (issue 3). */
export function SignNoteButton({ noteId, episodeId, template, flush }: Props): ReactElement {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async () => {
      const version = await flush();
      if (version === null)
        throw new ApiError(0, null, 'The latest changes are not saved yet; sign once they are.');
      return signNote(noteId, version);
    },
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: noteKey(noteId) });
      void queryClient.invalidateQueries({ queryKey: ['episodes', episodeId] });
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
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
          <SignErrors error={mutation.error} template={template} />
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
