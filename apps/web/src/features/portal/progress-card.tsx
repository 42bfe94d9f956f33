import { Card, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { portalProgressQuery } from '../measures/measures-api';

/** "Your progress": plain-language sentences for what the therapist shared; hidden when nothing is. */
export function ProgressCard(): ReactElement | null {
  const progress = useQuery(portalProgressQuery());
  const items = progress.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="your-progress">
      <Title order={2} size="h4" mb="xs" id="your-progress">
        Your progress
      </Title>
      <List spacing="xs">
        {items.map((item) => (
          <List.Item key={`${item.instrument}-${item.first.at}`}>
            <Text>{item.sentence}</Text>
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed" mt="xs">
        Questionnaire scores are one part of the picture; your therapist can go through them with
        you.
      </Text>
    </Card>
  );
}
