import { Badge } from '@mantine/core';
import type { Phase } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { phaseColors, phaseLabels } from './phases';

export function PhaseBadge({ phase }: { phase: Phase }): ReactElement {
  // The light variant with shade-9 text stays above AA contrast (see theme.ts).
  return (
    <Badge color={phaseColors[phase]} variant="outline" tt="none" c="dark.7">
      {phaseLabels[phase]}
    </Badge>
  );
}
