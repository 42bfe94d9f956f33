import { Button, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Client, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useIssueSignUpCode } from './clients-api';
import { SignUpCodeNotice } from './sign-up-code-notice';

/**
 * For a client who has not signed up yet: a new one-time sign-up code to hand over in person
 * (the first was lost or has expired). Earlier codes and invitation links stop working.
 */
export function NewSignUpCodeButton({ client }: { client: Wire<Client> }): ReactElement {
  const phone = useMediaQuery('(max-width: 30em)');
  const [opened, setOpened] = useState(false);
  const mutation = useIssueSignUpCode(client.id);
  const name = client.preferredName ?? client.displayName;
  const close = (): void => {
    mutation.reset();
    setOpened(false);
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        New sign-up code
      </Button>
      <Modal opened={opened} onClose={close} title="A sign-up code" centered fullScreen={phone}>
        {mutation.data ? (
          <SignUpCodeNotice
            clientName={name}
            code={mutation.data.code}
            expiresAt={mutation.data.expiresAt}
            onDone={close}
          />
        ) : (
          <Stack>
            <Text size="sm">
              {name} has not signed up yet. A new code replaces any code or invitation link given
              before. You will see it once, to give it to {name} in person.
            </Text>
            <ErrorAlert error={mutation.error} title="Could not make a code" />
            <Button loading={mutation.isPending} onClick={() => mutation.mutate()}>
              Make a new code
            </Button>
          </Stack>
        )}
      </Modal>
    </>
  );
}
