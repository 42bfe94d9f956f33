import { Button, Code, CopyButton, Group, Image, List, Loader, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactElement, ReactNode } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { confirmEnrolment, startEnrolment } from './auth-api';
import { CodeInput, validateCode } from './code-input';

const enrolmentKey = ['two-factor-enrolment'] as const;

type Props = { intro?: ReactNode; onDone: () => void };

/** Shows the new secret (QR and text) and confirms it with a first code from the app. */
export function EnrolmentPanel({ intro, onDone }: Props): ReactElement {
  const queryClient = useQueryClient();
  // A query rather than an effect, so the secret is requested once even when React re-mounts.
  const enrolment = useQuery({
    queryKey: enrolmentKey,
    queryFn: startEnrolment,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const form = useForm({ initialValues: { code: '' }, validate: { code: validateCode } });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmEnrolment(code),
    meta: { allowUnauthorized: true },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: enrolmentKey });
      onDone();
    },
  });

  if (enrolment.isPending) return <Loader aria-label="Preparing two-factor set-up" />;
  if (enrolment.isError) return <ErrorAlert error={enrolment.error} />;
  const { qrDataUrl, secret } = enrolment.data;

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
