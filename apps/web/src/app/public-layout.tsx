import { Box, Container, Stack, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';

type Props = { children: ReactNode };

/** The frame of pages shown before sign-in: brand, tagline and one centred card. */
export function PublicLayout({ children }: Props): ReactElement {
  return (
    <Box bg="gray.0" mih="100dvh" py={{ base: 'lg', sm: 60 }}>
      <Container size={440} component="main" px="md">
        <Stack gap="lg">
          <Stack gap={4} align="center" ta="center">
            <Title order={1} c="teal.9">
              Throughline
            </Title>
            <Text c="dimmed">
              Continuity of care, from the first session to long after the last
            </Text>
          </Stack>
          {children}
        </Stack>
      </Container>
    </Box>
  );
}
