import { Button, Code, CopyButton, Group, Image, List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactElement, type ReactNode, useEffect, useRef } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { useConfirmEnrolment, useStartEnrolment } from './auth-api';
import { CodeInput, validateCode } from './code-input';
import { ReauthenticateForm } from './reauthenticate-form';

type Props = {
  intro?: ReactNode;
  onDone: () => void;
  /** Two-factor is on and this replaces it: a current code may stand in for the password. */
  replacing?: boolean;
  /** The password just typed at sign-in, so that first-time set-up does not ask for it twice. */
  password?: string;
};

/**
 * Asks for the password (or a current code) first, as the server requires, then shows the new
 * secret (QR and text) and confirms it with a first code from the app.
 */
export function EnrolmentPanel({
  intro,
  onDone,
  replacing = false,
  password,
}: Props): ReactElement {
  const start = useStartEnrolment();
  // Started once from the sign-in password, even when React mounts the panel twice.
  const autoStarted = useRef(false);
  useEffect(() => {
    if (password && !autoStarted.current) {
      autoStarted.current = true;
      start.mutate({ password });
    }
  }, [password, start]);
  const form = useForm({ initialValues: { code: '' }, validate: { code: validateCode } });
  const confirm = useConfirmEnrolment({ onSuccess: () => onDone() });

  if (!start.data) {
    if (start.isPending || (password && start.isIdle)) {
      return <Loading label="Preparing two-factor set-up" />;
    }
    return (
      <Stack>
        {intro}
        <ReauthenticateForm
          codeAllowed={replacing}
          submitLabel={replacing ? 'Continue to the new app' : 'Continue'}
          pending={start.isPending}
          error={start.error}
          onSubmit={(proof) => start.mutate(proof)}
        />
      </Stack>
    );
  }
  const { qrDataUrl, secret } = start.data;

  return (
    <Stack>
      {intro}
      <List type="ordered" spacing="xs">
        <List.Item>Open an authenticator app on your phone (for example Aegis or 2FAS).</List.Item>
        <List.Item>Scan the QR code, or type the set-up key into the app.</List.Item>
        <List.Item>Enter the six-digit code the app shows.</List.Item>
      </List>
      <Image
        src={qrDataUrl}
        alt="QR code for adding Throughline to your authenticator app"
        w={200}
        h={200}
        fit="contain"
        style={{ alignSelf: 'center' }}
      />
      <div>
        <Text size="sm" fw={500} id="setup-key-label">
          Set-up key (for manual entry)
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code aria-labelledby="setup-key-label" style={{ wordBreak: 'break-all' }}>
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </div>
      <form noValidate onSubmit={form.onSubmit((values) => confirm.mutate(values.code.trim()))}>
        <Stack>
          {replacing && (
            <Text size="sm">
              When you confirm, your old authenticator app stops working for Throughline and you are
              signed out on your other devices. We will send you an e-mail about the change.
            </Text>
          )}
          <ErrorAlert error={confirm.error} title="The code was not accepted" />
          <CodeInput {...form.getInputProps('code')} />
          <Button type="submit" loading={confirm.isPending}>
            Confirm
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
