import { Paper, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';

export function BriefCard(props: { id: string; title: string; children: ReactNode }): ReactElement {
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={props.id}
      className="brief-card"
      style={{ minWidth: 0 }}
    >
      <Title order={2} size="h3" id={props.id} mb="sm">
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}
