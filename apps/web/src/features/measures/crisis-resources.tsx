import { Alert, Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { CrisisResources } from '@throughline/contracts';
import { type ReactElement, useEffect, useRef } from 'react';

/** A contact that is a phone number ("116 123", "+1 988") becomes a tel: link. */
function phoneOf(contact: string): string | null {
  const trimmed = contact.trim();
  if (!/^\+?[\d\s()-]{3,}$/.test(trimmed)) return null;
  return trimmed.replace(/[^\d+]/g, '');
}

/**
 * Shown at once, and focused, after an answer that the rules treat as a risk item (CLINICAL.md §4):
 * support the client can reach now. Calm wording: it says what to do, not what is wrong.
 */
export function CrisisResourcesPanel({
  value,
  practiceName,
}: {
  value: CrisisResources;
  practiceName?: string;
}): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="alert"
      color="red"
      variant="outline"
      radius="md"
      p="lg"
      styles={{ message: { color: 'var(--mantine-color-dark-9)' } }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3">
          {value.title || 'Support is available now'}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{value.message}</Text>
        {value.lines.length > 0 && (
          <List spacing="sm">
            {value.lines.map((line) => {
              const phone = phoneOf(line.contact);
              return (
                <List.Item key={`${line.country}-${line.name}`}>
                  <Text fw={600}>
                    {line.name}
                    {line.country ? ` (${line.country})` : ''}
                  </Text>
                  {phone ? (
                    <Anchor href={`tel:${phone}`} size="lg" fw={600}>
                      Call {line.contact}
                    </Anchor>
                  ) : (
                    <Text fw={600}>{line.contact}</Text>
                  )}
                  {line.note && <Text size="sm">{line.note}</Text>}
                </List.Item>
              );
            })}
          </List>
        )}
        <Text>
          {value.practice ||
            `Contact your practice${practiceName ? `, ${practiceName},` : ''} and let them know how you are feeling.`}
        </Text>
      </Stack>
    </Alert>
  );
}
