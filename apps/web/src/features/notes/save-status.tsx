import { Alert, Button, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { errorMessage, problemCode } from '../../api/problem';
import type { SaveStatus } from '../../app/use-autosave';

const labels: Record<Exclude<SaveStatus, 'conflict' | 'error'>, string> = {
  idle: 'Saved',
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
};

type Props = { status: SaveStatus; error: unknown; onReload: () => void };

/** A polite live region, so screen-reader users hear when their draft is saved. */
export function SaveStatusLine({ status, error, onReload }: Props): ReactElement {
  if (status === 'conflict' && problemCode(error) === 'EPISODE_PHASE_FORBIDS') {
    // Not an edit elsewhere: the episode's phase no longer allows writing notes (the server's
    // message names the phase and what is still possible).
    return (
      <Alert color="orange" title="This note can no longer be changed" role="alert">
        <Text size="sm">
          {errorMessage(error)} Your last changes are still on this page: copy anything you need
          before you leave it.
        </Text>
      </Alert>
    );
  }
  if (status === 'conflict') {
    return (
      <Alert color="orange" title="This note changed somewhere else" role="alert">
        <Text size="sm" mb="xs">
          {errorMessage(error)} It was edited in another tab or device, or it has been signed. Copy
          anything you need from here, then reload to see the latest version.
        </Text>
        <Button size="xs" variant="default" onClick={onReload}>
          Reload the note
        </Button>
      </Alert>
    );
  }
  if (status === 'error') {
    return (
      <Alert color="red" title="Not saved yet" role="alert">
        {errorMessage(error)} Your text is kept here and will be saved with your next change.
      </Alert>
    );
  }
  return (
    <Text size="sm" role="status" aria-live="polite" fw={500}>
      {labels[status]}
    </Text>
  );
}
