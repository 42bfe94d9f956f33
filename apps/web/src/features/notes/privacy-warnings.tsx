import { Alert, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import type { PrivacyWarning } from '../../api/note-types';
import { checkPrivateNote } from './notes-api';

// HIPAA 45 CFR 164.501 excludes these from psychotherapy notes: they belong in the clinical record.
const kinds: Record<string, string> = {
  medication: 'medication details',
  'test-results': 'test results',
  'session-times': 'session start and stop times',
  modality: 'treatment modalities and frequencies',
  diagnosis: 'a diagnosis',
  'diagnosis-or-plan-summary': 'a summary of diagnosis or treatment plan',
  'functional-status': 'functional status',
  'treatment-plan': 'the treatment plan',
  symptoms: 'symptoms',
  prognosis: 'a prognosis or progress to date',
};

export function warningText(warning: PrivacyWarning): string {
  if (warning.message) return warning.message;
  const what = kinds[warning.kind] ?? warning.kind.replace(/-/g, ' ');
  return `This looks like ${what}, which belong in the clinical record, not in a psychotherapy note (HIPAA 45 CFR 164.501).`;
}

/** Checks the text as the therapist writes (debounced) and lists what looks out of place. */
export function PrivacyWarnings({ text }: { text: string }): ReactElement | null {
  const [debounced] = useDebouncedValue(text.trim(), 1000);
  const check = useQuery({
    queryKey: ['psychotherapy-notes', 'check', debounced],
    queryFn: ({ signal }) => checkPrivateNote(debounced, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
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
