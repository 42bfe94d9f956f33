import { Alert, List } from '@mantine/core';
import type { NoteTemplate } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { errorMessage, isApiError } from '../../api/problem';
import { templateFields } from './templates';

const carryLabels: Record<string, string> = {
  planForNext: 'Plan for next session',
  methods: 'Methods',
  homework: 'Homework',
  threadsToOpen: 'New thread',
  music: 'Music used',
  instruments: 'Instruments',
};

function label(template: NoteTemplate, path: string): string {
  const [field, index, sub] = path.replace(/^\/?body[./]/, '').split(/[./]/);
  if (!field) return path;
  const known =
    templateFields[template].find((f) => f.key === field)?.label ?? carryLabels[field] ?? field;
  if (index !== undefined && /^\d+$/.test(index)) {
    return `${known} ${Number(index) + 1}${sub ? ` (${sub})` : ''}`;
  }
  return known;
}

/** Signing names the missing fields; list them by the labels the therapist sees. */
export function SignErrors(props: { error: unknown; template: NoteTemplate }): ReactElement | null {
  const { error, template } = props;
  if (!error) return null;
  const issues = isApiError(error) ? (error.problem?.errors ?? []) : [];
  return (
    <Alert color="red" title="Could not sign the note" role="alert">
      {issues.length === 0 ? (
        errorMessage(error)
      ) : (
        <List size="sm">
          {issues.map((issue) => (
            <List.Item key={`${issue.path}-${issue.message}`}>
              {label(template, issue.path)}: {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
