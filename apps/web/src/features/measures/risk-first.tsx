import { Alert as Notice } from '@mantine/core';
import type { Alert, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';

/**
 * Put beside scores and the outcome while an alert is open: a risk alert comes before any change
 * in scores (CLINICAL.md §4). "Recovered" on a chart never means a raised risk can wait.
 */
export function RiskFirst({
  alerts,
  where,
}: {
  alerts: readonly Wire<Alert>[];
  where: string;
}): ReactElement | null {
  const open = alerts.filter((a) => a.acknowledgedAt === null);
  if (open.length === 0) return null;
  const urgent = open.some((a) => a.severity === 'urgent');
  return (
    <Notice
      color={urgent ? 'red' : 'orange'}
      variant="light"
      title={urgent ? 'An urgent alert comes first' : 'An open alert comes first'}
    >
      {open.length === 1 ? 'An alert is' : `${open.length} alerts are`} open ({where}). Read and
      answer {open.length === 1 ? 'it' : 'them'} before the scores below: a change in scores, even
      "recovered", does not make a risk answer less urgent.
    </Notice>
  );
}
