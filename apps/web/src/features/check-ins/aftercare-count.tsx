import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { aftercareQuery } from './check-ins-api';

/** On the caseload: how many aftercare items wait for a response, with a link to the queue. */
export function AftercareCount(): ReactElement | null {
  const queue = useQuery(aftercareQuery());
  const open = queue.data?.open ?? 0;
  if (open === 0) return null;
  return (
    <Alert color="orange" title="Aftercare">
      {open === 1 ? 'One client' : `${open} clients`} in aftercare {open === 1 ? 'needs' : 'need'} a
      response after a check-in.{' '}
      <Anchor component={Link} to="/aftercare">
        Open the aftercare queue
      </Anchor>
    </Alert>
  );
}
