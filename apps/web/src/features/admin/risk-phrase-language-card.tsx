import {
  ActionIcon,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { RiskPhrases, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { type LanguageDraft, languageName } from './risk-phrases-words';

type Shipped = Wire<RiskPhrases>['shipped'][number];
type Form = UseFormReturnType<{ languages: LanguageDraft[] }>;

/**
 * One language of the practice's risk-language lists: the phrases and negation words it adds and,
 * for a language Throughline ships a list for, the shipped phrases it switches off with a reason.
 */
export function RiskPhraseLanguageCard({
  form,
  index,
  shipped,
}: {
  form: Form;
  index: number;
  shipped: Shipped | undefined;
}): ReactElement {
  const draft = form.values.languages[index];
  if (!draft) return <></>;
  const name = languageName(draft.language);
  const at = `languages.${index}`;
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {name}
            {shipped
              ? ` — Throughline's list ${shipped.version}, with your changes`
              : ' — your own list'}
          </Title>
          {!shipped && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => form.removeListItem('languages', index)}
            >
              Remove {name}
            </Button>
          )}
        </Group>
        {shipped && (
          <Text size="sm" c="dimmed">
            Throughline looks for: {shipped.phrases.join(' · ')}
          </Text>
        )}
        <Textarea
          label={shipped ? 'Phrases to add, one a line' : 'Phrases to look for, one a line'}
          description="Whole words, any capitals; at most 80 characters each."
          autosize
          minRows={2}
          {...form.getInputProps(`${at}.phrases`)}
        />
        <Textarea
          label="Negation words to add, one a line"
          description={
            shipped
              ? `Already: ${shipped.negations.join(', ')}.`
              : 'Words like "not" or "never": a phrase with one of them up to three words before it, in the same sentence, is a warning instead of urgent.'
          }
          autosize
          minRows={1}
          {...form.getInputProps(`${at}.negations`)}
        />
        {shipped && (
          <Stack gap="xs">
            {draft.switchedOff.map((s, i) => (
              <Group key={form.key(`${at}.switchedOff.${i}`)} gap="xs" align="flex-end" wrap="wrap">
                <Select
                  label="Switched off"
                  w={220}
                  searchable
                  data={shipped.phrases}
                  {...form.getInputProps(`${at}.switchedOff.${i}.phrase`)}
                />
                <TextInput
                  label="Why"
                  style={{ flex: '1 1 200px' }}
                  {...form.getInputProps(`${at}.switchedOff.${i}.reason`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`Switch “${s.phrase || 'this phrase'}” back on`}
                  onClick={() => form.removeListItem(`${at}.switchedOff`, i)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => form.insertListItem(`${at}.switchedOff`, { phrase: '', reason: '' })}
              >
                Switch off a phrase of Throughline's list
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
