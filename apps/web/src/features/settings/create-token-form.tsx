import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { formatDateTime } from '../../app/format';
import { useCreateToken } from './settings-api';

export function CreateTokenForm(): ReactElement {
  const form = useForm({
    initialValues: { name: '', expiresInDays: 90 as number | string },
    validate: {
      name: (value) => (value.trim() ? null : 'Name the token after where you will use it.'),
      expiresInDays: (value) => {
        const days = Number(value);
        return Number.isInteger(days) && days >= 1 && days <= 365
          ? null
          : 'Choose between 1 and 365 days.';
      },
    },
  });
  const mutation = useCreateToken({
    onSuccess: () => form.reset(),
    onError: (error) => applyFieldErrors(form, error, ['name', 'expiresInDays']),
  });
  const created = mutation.data;

  return (
    <Stack>
      {created && (
        <Alert color="teal" variant="light" title={`Token "${created.name}" created`} role="status">
          <Stack gap="xs">
            <Text size="sm">
              <strong>Copy it now: it is shown only once.</strong> Anyone who has it can act as you
              through the API until {formatDateTime(created.expiresAt)}, so keep it secret.
            </Text>
            <Group gap="xs" wrap="nowrap" align="center">
              <Code data-testid="created-token" style={{ wordBreak: 'break-all' }}>
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Button size="compact-sm" variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy token'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => mutation.reset()}
              w="fit-content"
            >
              I have copied it
            </Button>
          </Stack>
        </Alert>
      )}
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          mutation.mutate({
            name: values.name.trim(),
            expiresInDays: Number(values.expiresInDays),
          }),
        )}
      >
        <Stack>
          <ErrorAlert error={mutation.error} title="Could not create the token" />
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label="Token name"
              description="For example: reporting script"
              style={{ flex: '1 1 220px' }}
              {...form.getInputProps('name')}
            />
            <NumberInput
              label="Expires after (days)"
              description="1 to 365"
              min={1}
              max={365}
              allowDecimal={false}
              w={180}
              {...form.getInputProps('expiresInDays')}
            />
          </Group>
          <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
            Create token
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
