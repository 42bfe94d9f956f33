import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type { PortalConsentItem, Wire } from '@throughline/contracts';
import { type ReactElement, useId } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { consentKindLabels } from '../../app/labels';
import { portalConsentsQuery, useSignConsent, useWithdrawConsent } from './consent-api';

/** One consent document: its text, and the client's signature or a form to sign it. */
function ConsentItem({ item }: { item: Wire<PortalConsentItem> }): ReactElement {
  const headingId = useId();
  const { document, signature } = item;
  const sign = useSignConsent();
  const withdraw = useWithdrawConsent();
  const form = useForm({
    initialValues: { signedName: '' },
    validate: {
      signedName: (v) => (v.trim().length < 2 ? 'Type your name to sign.' : null),
    },
  });
  const submit = form.onSubmit(({ signedName }) =>
    sign.mutate({ kind: document.kind, version: document.version, signedName }),
  );
  const live = signature && !signature.endedAt;
  return (
    <Card withBorder component="li" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {document.title}
          </Title>
          <Badge variant="outline" color={live ? 'teal' : 'gray'} c="dark.7" tt="none">
            {live ? 'Agreed' : 'Not agreed'}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {consentKindLabels[document.kind]} · version {document.version}
        </Text>
        {document.body.split('\n\n').map((para) => (
          <Text key={para.slice(0, 40)} size="sm">
            {para}
          </Text>
        ))}
        {live ? (
          <>
            <Text size="sm">
              You signed version {signature.version} as “{signature.signedName}” on{' '}
              {formatInZone(signature.signedAt)}.
              {item.newerVersion ? ' A newer version is shown above; sign it to agree to it.' : ''}
            </Text>
            <ErrorAlert error={withdraw.error} title="Could not withdraw" />
            <Button
              variant="default"
              style={{ alignSelf: 'start' }}
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate(signature.id)}
            >
              Withdraw my consent
            </Button>
          </>
        ) : null}
        {(!live || item.newerVersion) && (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <TextInput
                label="Type your full name to sign"
                autoComplete="name"
                {...form.getInputProps('signedName')}
              />
              <ErrorAlert error={sign.error} title="Could not sign" />
              <Button type="submit" style={{ alignSelf: 'start' }} loading={sign.isPending}>
                Sign version {document.version}
              </Button>
            </Stack>
          </form>
        )}
        {withdraw.isSuccess && !live && (
          <Text role="status" size="sm">
            Withdrawn. It took effect straight away.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** "Your consents" on the portal home: sign, read what you signed, withdraw at any time. */
export function ConsentCard(): ReactElement | null {
  const consents = useQuery(portalConsentsQuery());
  if (consents.isError)
    return <ErrorAlert error={consents.error} title="Could not load your consents" />;
  const items = consents.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="consents">
      <Title order={2} size="h4" mb="xs" id="consents">
        Your consents
      </Title>
      <Text size="sm" mb="sm">
        What you agree to, in writing. You can withdraw any of these at any time; it takes effect
        straight away.
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <ConsentItem key={item.document.id} item={item} />
        ))}
      </Stack>
    </Card>
  );
}
