import {
  Alert,
  Button,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from './settings-api';

/**
 * A private iCalendar address for the person's calendar app. It carries session times only, no
 * clinical content; the URL is shown once, and creating a new one replaces the old.
 */
export function CalendarFeedSection(): ReactElement {
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const create = useCreateCalendarFeed({
    onSuccess: (feed) => {
      setUrl(feed.url);
      setRevoked(false);
    },
  });
  const revoke = useRevokeCalendarFeed({
    onSuccess: () => {
      setUrl(null);
      setRevoked(true);
    },
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="calendar">
      <Stack>
        <Title order={2} size="h3" id="calendar">
          Calendar feed
        </Title>
        <Text>
          Subscribe to your sessions from a calendar app. The feed shows times only, never what a
          session is about. Anyone with the address can read it: keep it private, and revoke it if
          it may have been shared.
        </Text>
        <ErrorAlert error={create.error ?? revoke.error} title="That did not work" />
        {url && (
          <Group align="end" gap="sm">
            <TextInput label="Feed address" value={url} readOnly style={{ flex: '1 1 260px' }} />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy address'}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        {revoked && (
          <Alert color="teal" variant="light" role="status">
            The calendar feed is revoked; calendar apps can no longer read it.
          </Alert>
        )}
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {url ? 'Create a new address' : 'Create feed address'}
          </Button>
          <Button variant="default" onClick={() => revoke.mutate()} loading={revoke.isPending}>
            Revoke feed
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
