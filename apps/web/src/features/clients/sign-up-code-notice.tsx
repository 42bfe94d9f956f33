import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { formatDateTime } from '../../app/format';

type Props = {
  clientName: string;
  code: string;
  expiresAt: string;
  onDone: () => void;
};

/**
 * The one time a sign-up code is shown (only its hash is kept): the therapist writes it down or
 * reads it to the client, who types it on "I have a sign-up code" from the sign-in page.
 */
export function SignUpCodeNotice({ clientName, code, expiresAt, onDone }: Props): ReactElement {
  return (
    <Stack>
      <Alert color="teal" variant="light" role="status" title={`A sign-up code for ${clientName}`}>
        No e-mail is sent. Give {clientName} this code in person:
      </Alert>
      <Code
        block
        aria-label="Sign-up code"
        data-testid="sign-up-code"
        style={{ fontSize: '1.6rem', letterSpacing: '0.15em', textAlign: 'center' }}
      >
        {code}
      </Code>
      <Text size="sm">
        On the sign-in page they choose “I have a sign-up code”, type it, and choose a user name (or
        an e-mail address) and a password. The code works once, until {formatDateTime(expiresAt)}.
      </Text>
      <Text size="sm" fw={600}>
        This is the only time the code is shown. If it is lost, make a new one from the client’s
        page.
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>I have noted the code</Button>
      </Group>
    </Stack>
  );
}
