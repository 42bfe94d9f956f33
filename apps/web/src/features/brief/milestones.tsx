import { List, Text } from '@mantine/core';
import type { Milestone, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatDate } from '../../app/format';

const kindLabels: Record<Milestone['kind'], string> = {
  'review-due': 'Review due',
  'planned-ending': 'Planned ending',
  'episode-anniversary': 'Anniversary of the episode',
};

export function Milestones({ items }: { items: Wire<Milestone>[] }): ReactElement {
  if (items.length === 0) return <Text>No milestones coming up.</Text>;
  return (
    <List spacing="xs">
      {items.map((m) => (
        <List.Item key={`${m.kind}-${m.at}`}>
          <Text fw={500} span>
            {kindLabels[m.kind]}
            {m.at ? `, ${formatDate(m.at)}` : ''}
          </Text>
          {m.detail && <Text size="sm">{m.detail}</Text>}
        </List.Item>
      ))}
    </List>
  );
}
