import { Badge } from '@mantine/core';
import type { ReactElement } from 'react';
import { type BadgeStatus, statusLabels } from './labels';

const colors: Record<BadgeStatus, string> = {
  active: 'teal',
  invited: 'blue',
  locked: 'red',
  pending: 'blue',
  sent: 'teal',
  failed: 'red',
  cancelled: 'gray',
  deactivated: 'gray',
};

export function StatusBadge({ status }: { status: BadgeStatus }): ReactElement {
  return (
    <Badge color={colors[status]} variant="light" tt="none">
      {statusLabels[status]}
    </Badge>
  );
}
