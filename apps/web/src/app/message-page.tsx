import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from './page-title';

type Props = { title: string; children: ReactNode };

export function MessagePage({ title, children }: Props): ReactElement {
  usePageTitle(title);
  return (
    <Stack maw={640}>
      <Title order={1}>{title}</Title>
      <Text>{children}</Text>
      <Anchor component={Link} to="/">
        Go to your start page
      </Anchor>
    </Stack>
  );
}

export function NotFoundPage(): ReactElement {
  return <MessagePage title="Page not found">There is no page at this address.</MessagePage>;
}
