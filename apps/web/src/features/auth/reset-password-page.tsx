import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { usePageTitle } from '../../app/page-title';
import { PublicLayout } from '../../app/public-layout';
import { useCompletePasswordReset } from './auth-api';
import { checkConfirmation, checkNewPassword, NEW_PASSWORD_HINT } from './new-password';

export function ResetPasswordPage(): ReactElement {
  usePageTitle('Choose a new password');
  const token = useParams().token ?? '';
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: checkNewPassword,
      confirm: (value, values) => checkConfirmation(value, values.password),
    },
  });
  const reset = useCompletePasswordReset(token, {
    onError: (error) => applyFieldErrors(form, error, ['password']),
  });

  return (
    <PublicLayout>
      <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
        <Stack>
          <Title order={2} size="h3">
            Choose a new password
          </Title>
          {reset.isSuccess ? (
            <Stack>
              <Alert color="teal" variant="light" role="status" title="Your new password is set">
                You were signed out everywhere. Sign in with your new password.
              </Alert>
              <Button component={Link} to="/sign-in">
                Go to sign in
              </Button>
            </Stack>
          ) : (
            <form noValidate onSubmit={form.onSubmit((values) => reset.mutate(values.password))}>
              <Stack>
                <Text size="sm">The link works once, for one hour after it was sent.</Text>
                <ErrorAlert error={reset.error} title="Could not set your password" />
                {reset.isError && (
                  <Anchor component={Link} to="/forgot-password" size="sm">
                    Ask for a new link
                  </Anchor>
                )}
                <PasswordInput
                  label="New password"
                  description={NEW_PASSWORD_HINT}
                  autoComplete="new-password"
                  {...form.getInputProps('password')}
                />
                <PasswordInput
                  label="Confirm new password"
                  autoComplete="new-password"
                  {...form.getInputProps('confirm')}
                />
                <Button type="submit" loading={reset.isPending}>
                  Set new password
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
