import { Badge } from '@mantine/core';
import type { ReactElement } from 'react';
import { noteStatusLabels } from './note-title';

export function NoteStatusBadge({ status }: { status: 'draft' | 'signed' }): ReactElement {
  return (
    <Badge variant="outline" color={status === 'signed' ? 'teal' : 'orange'} c="dark.7" tt="none">
      {noteStatusLabels[status]}
    </Badge>
  );
}
