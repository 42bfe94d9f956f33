import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useVerifyTwoFactor } from './auth-api';
import { CodeInput, validateCode } from './code-input';

type Props = { onDone: () => void };

export function TwoFactorForm({ onDone }: Props): ReactElement {
  const form = useForm({ initialValues: { code: '' }, validate: { code: validateCode } });
  const mutation = useVerifyTwoFactor({ onSuccess: () => onDone() });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => mutation.mutate(values.code.trim()))}>
      <Stack>
        <Text>Enter the code from your authenticator app.</Text>
        <ErrorAlert error={mutation.error} title="The code was not accepted" />
        <CodeInput {...form.getInputProps('code')} />
        <Button type="submit" loading={mutation.isPending} fullWidth>
          Verify
        </Button>
      </Stack>
    </form>
  );
}
