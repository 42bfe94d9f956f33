import { Alert } from '@mantine/core';
import type { ReactElement } from 'react';
import { errorMessage } from '../api/problem';

type Props = { error: unknown; title?: string };

/** Shows the problem detail of a failed request, announced to screen readers. */
export function ErrorAlert({ error, title = 'That did not work' }: Props): ReactElement | null {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
