import { Badge } from '@mantine/core';
import type { ReactElement } from 'react';
import type { Phase } from '../api/care-types';
import { phaseColors, phaseLabels } from './phases';

export function PhaseBadge({ phase }: { phase: Phase }): ReactElement {
  // The light variant with shade-9 text stays above AA contrast (see theme.ts).
  return (
    <Badge color={phaseColors[phase] ?? 'gray'} variant="outline" tt="none" c="dark.7">
      {phaseLabels[phase] ?? phase}
    </Badge>
  );
}
