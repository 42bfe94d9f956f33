import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { NextStep } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { useSignIn } from './auth-api';

/** `password` is handed on only for the first two-factor set-up, so it is not asked twice. */
type Props = { onNext: (next: NextStep['next'], password: string) => void };

export function CredentialsForm({ onNext }: Props): ReactElement {
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your e-mail address or user name.'),
      password: (value) => (value ? null : 'Enter your password.'),
    },
  });
  // A 401 here means wrong credentials, not an ended session (the hook says so).
  const mutation = useSignIn({
    onSuccess: (result, input) => onNext(result.next, input.password),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        mutation.mutate({ email: values.email.trim(), password: values.password }),
      )}
    >
      <Stack>
        <ErrorAlert error={mutation.error} title="Could not sign in" />
        <TextInput
          label="Email or user name"
          autoComplete="username"
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={mutation.isPending} fullWidth>
          Sign in
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          Forgot password?
        </Anchor>
        <Anchor component={Link} to="/sign-up-code" size="sm">
          I have a sign-up code
        </Anchor>
      </Stack>
    </form>
  );
}
