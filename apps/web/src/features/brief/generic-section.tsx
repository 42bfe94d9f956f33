import { List, Stack, Text } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { formatDate } from '../../app/format';

/** "scoreChanges" → "Score changes". */
export function sectionTitle(key: string): string {
  const words = key
    .replace(/[-_]/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isoDate = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const titleKeys = ['title', 'name', 'label', 'summary', 'text', 'kind'];

function scalar(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && isoDate.test(value)) return formatDate(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function ObjectView({ value }: { value: Record<string, unknown> }): ReactElement {
  const titleKey = titleKeys.find((k) => typeof value[k] === 'string');
  const rest = Object.entries(value).filter(
    ([k, v]) => k !== titleKey && k !== 'id' && !k.endsWith('Id') && v !== null && v !== '',
  );
  return (
    <Stack gap={0}>
      {titleKey && <Text fw={500}>{String(value[titleKey])}</Text>}
      {rest.map(([k, v]) => (
        <Text key={k} size="sm">
          {sectionTitle(k)}: {typeof v === 'object' ? JSON.stringify(v) : scalar(v)}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * Renders a brief section this version of the app does not know yet (added by a later feature),
 * so the brief grows without a UI rewrite.
 */
export function GenericSection({ value }: { value: unknown }): ReactElement {
  let content: ReactNode;
  if (Array.isArray(value)) {
    content =
      value.length === 0 ? (
        <Text>Nothing at the moment.</Text>
      ) : (
        <List spacing="xs">
          {value.map((item, i) => (
            <List.Item key={i}>
              {item && typeof item === 'object' ? (
                <ObjectView value={item as Record<string, unknown>} />
              ) : (
                scalar(item)
              )}
            </List.Item>
          ))}
        </List>
      );
  } else if (value && typeof value === 'object') {
    content = <ObjectView value={value as Record<string, unknown>} />;
  } else {
    content = (
      <Text>
        {value === null || value === undefined ? 'Nothing at the moment.' : scalar(value)}
      </Text>
    );
  }
  return <>{content}</>;
}
