import {
  Anchor,
  Button,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { usePageTitle } from '../../app/page-title';
import { PublicLayout } from '../../app/public-layout';
import { useFinishSignIn, useRedeemSignUpCode } from './auth-api';
import { checkConfirmation, checkNewPassword } from './new-password';
import { NewPasswordFields } from './new-password-fields';

type SignInWith = 'email' | 'username';

/**
 * "I have a sign-up code": a client whose therapist handed them a one-time code (because e-mail
 * could put them at risk) chooses how to sign in and a password, and is signed in.
 */
export function SignUpCodePage(): ReactElement {
  usePageTitle('Sign up with a code');
  const navigate = useNavigate();
  const finishSignIn = useFinishSignIn();
  const form = useForm({
    initialValues: {
      code: '',
      with: 'username' as SignInWith,
      email: '',
      username: '',
      password: '',
      confirm: '',
    },
    validate: {
      code: (value) => (value.trim() ? null : 'Enter the code your therapist gave you.'),
      email: (value, values) =>
        values.with !== 'email' || /^\S+@\S+\.\S+$/.test(value.trim())
          ? null
          : 'Enter your e-mail address.',
      username: (value, values) =>
        values.with !== 'username' || /^[A-Za-z0-9._-]{3,64}$/.test(value.trim())
          ? null
          : 'Use 3 to 64 letters, digits, dots, dashes or underscores (no spaces).',
      password: checkNewPassword,
      confirm: (value, values) => checkConfirmation(value, values.password),
    },
  });
  const redeem = useRedeemSignUpCode({
    onSuccess: async (result) => {
      await finishSignIn();
      // A client needs no second factor; a next step would be finished on the sign-in page.
      navigate(result.next === 'done' ? '/' : '/sign-in', { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error, ['code', 'email', 'username', 'password']),
  });

  return (
    <PublicLayout>
      <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            redeem.mutate({
              code: values.code.trim(),
              password: values.password,
              ...(values.with === 'email'
                ? { email: values.email.trim() }
                : { username: values.username.trim() }),
            }),
          )}
        >
          <Stack>
            <Title order={2} size="h3">
              Sign up with a code
            </Title>
            <Text size="sm">
              Type the code your therapist gave you. It works once. Then choose how you will sign
              in: with an e-mail address, or with a user name if you would rather not give one.
            </Text>
            <ErrorAlert error={redeem.error} title="Could not sign you up" />
            <TextInput
              label="Sign-up code"
              description="Letters and digits, for example 7KQ2-M9XD-4TRB. Dashes and capitals do not matter."
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              {...form.getInputProps('code')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="sign-in-with">
                Sign in with
              </Text>
              <SegmentedControl
                aria-labelledby="sign-in-with"
                data={[
                  { value: 'username', label: 'A user name' },
                  { value: 'email', label: 'An e-mail address' },
                ]}
                {...form.getInputProps('with')}
              />
            </Stack>
            {form.values.with === 'email' ? (
              <TextInput
                label="E-mail address"
                type="email"
                autoComplete="email"
                {...form.getInputProps('email')}
              />
            ) : (
              <TextInput
                label="User name"
                description="Only you and your practice see it."
                autoComplete="username"
                spellCheck={false}
                {...form.getInputProps('username')}
              />
            )}
            <NewPasswordFields form={form} />
            <Button type="submit" loading={redeem.isPending}>
              Sign up
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm">
              I already have an account: sign in
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </PublicLayout>
  );
}
