import { Badge } from '@mantine/core';
import type { ReactElement } from 'react';

const colors: Record<string, string> = {
  active: 'teal',
  invited: 'blue',
  locked: 'red',
  pending: 'blue',
  sent: 'teal',
  failed: 'red',
  cancelled: 'gray',
  deactivated: 'gray',
};

const labels: Record<string, string> = {
  active: 'Active',
  invited: 'Invited',
  locked: 'Locked',
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed',
  cancelled: 'Not needed',
  deactivated: 'Deactivated',
};

export function StatusBadge({ status }: { status: string }): ReactElement {
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light" tt="none">
      {labels[status] ?? status}
    </Badge>
  );
}
