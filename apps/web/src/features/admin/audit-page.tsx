import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import type { AuditVerification, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { usePageTitle } from '../../app/page-title';
import { useVerifyAudit } from './admin-api';

function Result({ result }: { result: Wire<AuditVerification> }): ReactElement {
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" title="The audit chain is intact" role="status">
        {result.checked} events checked; none was altered or removed.
        {result.unsealed > 0 && ` ${result.unsealed} recent events are not yet sealed.`}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title="The audit chain is broken" role="alert">
      <Text size="sm">
        {result.checked} events checked. {result.reason ?? 'An event does not match the chain.'}
      </Text>
      {result.firstBadEventId && (
        <Text size="sm">
          First event that does not match: <code>{result.firstBadEventId}</code>
        </Text>
      )}
    </Alert>
  );
}

export function AuditPage(): ReactElement {
  usePageTitle('Audit check');
  const check = useVerifyAudit();

  return (
    <Stack maw={720}>
      <Anchor component={Link} to="/" size="sm">
        ← Practice administration
      </Anchor>
      <Title order={1}>Audit check</Title>
      <Text>
        Every access to and change of a record is written to an audit trail in which each event is
        chained to the one before. Verifying recomputes the chain and reports the first event that
        does not match, if any.
      </Text>
      <Button
        onClick={() => check.mutate()}
        loading={check.isPending}
        style={{ alignSelf: 'flex-start' }}
      >
        Verify audit chain
      </Button>
      <ErrorAlert error={check.error} title="Could not verify the audit chain" />
      {check.data && <Result result={check.data} />}
    </Stack>
  );
}
