import { Alert, Anchor } from '@mantine/core';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { usePendingRecordRequests } from './record-copy-api';

/** On the caseload: how many clients wait for their copy of the record to be reviewed. */
export function RecordRequestsCount(): ReactElement | null {
  const pending = usePendingRecordRequests();
  const n = pending.data?.items.length ?? 0;
  if (n === 0) return null;
  return (
    <Alert color="blue" title="Copies of the record to review">
      {n === 1 ? 'One client has' : `${n} clients have`} asked for a copy of their record.{' '}
      <Anchor component={Link} to="/record-requests">
        Review the requests
      </Anchor>
    </Alert>
  );
}
