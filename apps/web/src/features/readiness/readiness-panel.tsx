import { Alert, Stack, Text, Title } from '@mantine/core';
import type { Readiness, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ReadinessEvidence } from './readiness-evidence';
import { ReadinessForm } from './readiness-form';
import { READABLE, ReadinessViews } from './readiness-views';
import { firstName } from './readiness-words';

/** The review's body, the same for both sides, in the reader's words. */
export function ReadinessPanel({ r }: { r: Wire<Readiness> }): ReactElement {
  const other = r.viewer === 'client' ? firstName(r.therapistName) : firstName(r.clientName);
  const mine = r.viewer === 'client' ? r.current.client : r.current.therapist;
  return (
    <Stack gap="md">
      {r.suggestion?.suggested && (
        <Alert color="blue" title="The brief suggests a readiness review" styles={READABLE}>
          {r.suggestion.reasons.map((reason) => reason.detail).join(' ')} This is a prompt to talk
          about it together, not an instruction to end.
        </Alert>
      )}
      <Stack gap="xs">
        <Title order={3} size="h4">
          {r.viewer === 'client' ? 'What we have to go on' : 'The evidence'}
        </Title>
        <ReadinessEvidence r={r} />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Both views
        </Title>
        <ReadinessViews r={r} />
      </Stack>
      {r.open ? (
        <ReadinessForm
          episodeId={r.episodeId}
          viewer={r.viewer}
          otherName={other}
          hasView={mine !== null}
        />
      ) : (
        <Text size="sm">This course of therapy has ended, so the views can no longer change.</Text>
      )}
    </Stack>
  );
}
