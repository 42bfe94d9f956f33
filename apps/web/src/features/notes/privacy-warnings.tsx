import { Alert, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ExcludedContentWarning, ExcludedKind } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { privacyCheckQuery } from './notes-api';

// HIPAA 45 CFR 164.501 excludes these from psychotherapy notes: they belong in the clinical record.
const kinds: Record<ExcludedKind, string> = {
  medication: 'medication details',
  'test-results': 'test results',
  'session-times': 'session start and stop times',
  'diagnosis-or-plan-summary': 'a summary of diagnosis or treatment plan',
};

export function warningText(warning: ExcludedContentWarning): string {
  return `This looks like ${kinds[warning.kind]}, which belong in the clinical record, not in a psychotherapy note (HIPAA 45 CFR 164.501).`;
}

/** Checks the text as the therapist writes (debounced) and lists what looks out of place. */
export function PrivacyWarnings({ text }: { text: string }): ReactElement | null {
  const [debounced] = useDebouncedValue(text.trim(), 1000);
  const check = useQuery(privacyCheckQuery(debounced));
  const warnings = debounced ? (check.data?.warnings ?? []) : [];
  return (
    <div role="status" aria-live="polite">
      {warnings.length > 0 && (
        <Alert color="orange" variant="light" title="Check before saving">
          <List spacing="xs" size="sm">
            {warnings.map((w, i) => (
              <List.Item key={i}>
                <Text size="sm">{warningText(w)}</Text>
                <Text size="sm" fs="italic">
                  “{w.excerpt}”
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </div>
  );
}
