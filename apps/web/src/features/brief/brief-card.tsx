import { Paper, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';

/** `wide`: spans the whole row (alerts, so nothing sits beside them and reads as equal). */
export function BriefCard(props: {
  id: string;
  title: string;
  children: ReactNode;
  wide?: boolean;
}): ReactElement {
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={props.id}
      className="brief-card"
      style={props.wide ? { minWidth: 0, gridColumn: '1 / -1' } : { minWidth: 0 }}
    >
      <Title order={2} size="h3" id={props.id} mb="sm">
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}
