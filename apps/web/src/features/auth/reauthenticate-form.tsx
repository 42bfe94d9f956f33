import { Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import type { Reauthentication } from './auth-api';
import { CodeInput, validateCode } from './code-input';

type Props = {
  /** Two-factor is on already, so a current code may be given instead of the password. */
  codeAllowed: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (proof: Reauthentication) => void;
};

/** Asks for the password (or a current code) before a change to how the person signs in. */
export function ReauthenticateForm({
  codeAllowed,
  submitLabel,
  pending,
  error,
  onSubmit,
}: Props): ReactElement {
  const [withCode, setWithCode] = useState(false);
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: {
      password: (value) => (withCode || value ? null : 'Enter your password.'),
      code: (value) => (withCode ? validateCode(value) : null),
    },
  });
  const submit = form.onSubmit((values) =>
    onSubmit(withCode ? { code: values.code.trim() } : { password: values.password }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <Text>
          {withCode
            ? 'To make sure it is you, enter the code your authenticator app shows now.'
            : 'To make sure it is you, enter your password again.'}
        </Text>
        <ErrorAlert error={error} title="Not confirmed" />
        {withCode ? (
          <CodeInput {...form.getInputProps('code')} />
        ) : (
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
        )}
        {codeAllowed && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              setWithCode(!withCode);
              form.clearErrors();
            }}
          >
            {withCode ? 'Use my password instead' : 'Use a code from my authenticator app instead'}
          </Anchor>
        )}
        <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
