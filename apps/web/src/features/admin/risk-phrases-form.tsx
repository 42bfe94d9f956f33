import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { RiskPhrases, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { RiskPhraseLanguageCard } from './risk-phrase-language-card';
import { useSaveRiskPhrases } from './risk-phrases-api';
import { fromDraft, type LanguageDraft, toDraft } from './risk-phrases-words';

const empty = (language: string): LanguageDraft => ({
  language,
  phrases: '',
  negations: '',
  switchedOff: [],
});

/**
 * The practice's risk-language phrase lists (issue 10, docs/boundaries.md): phrases it adds to
 * Throughline's list, shipped phrases it switches off (with a reason kept with the list), and
 * lists for other languages. Each save is a new version; an alert names the version that matched.
 */
export function RiskPhrasesForm({ value }: { value: Wire<RiskPhrases> }): ReactElement {
  const own = new Map(value.languages.map((l) => [l.language, l]));
  const shippedCodes = new Set(value.shipped.map((l) => l.language));
  const form = useForm<{ languages: LanguageDraft[] }>({
    mode: 'controlled',
    initialValues: {
      languages: [
        ...value.shipped.map((s) => {
          const mine = own.get(s.language);
          return mine ? toDraft(mine) : empty(s.language);
        }),
        ...value.languages.filter((l) => !shippedCodes.has(l.language)).map(toDraft),
      ],
    },
  });
  const [newLanguage, setNewLanguage] = useState('');
  const save = useSaveRiskPhrases({});
  const submit = form.onSubmit((v) => {
    const languages = v.languages
      .map(fromDraft)
      .filter(
        (l) =>
          !shippedCodes.has(l.language) ||
          l.phrases.length + l.negations.length + l.switchedOff.length > 0,
      );
    save.mutate({ basedOnVersion: value.version, languages });
  });
  const addLanguage = () => {
    const code = newLanguage.trim();
    if (!code || form.values.languages.some((l) => l.language === code)) return;
    form.insertListItem('languages', empty(code));
    setNewLanguage('');
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">
          Every message a client writes is screened for these phrases. A match raises an urgent
          alert for the therapist and shows the client the crisis resources at once. It is a safety
          net, not monitoring, and not a risk assessment.
        </Text>
        <Text size="sm" role="status">
          {value.version === 0
            ? "Your practice uses Throughline's list as it ships."
            : `Version ${value.version} of your practice's lists, saved ${formatInZone(value.savedAt)}${value.savedBy ? ` by ${value.savedBy}` : ''}.`}
        </Text>
        {form.values.languages.map((l, i) => (
          <RiskPhraseLanguageCard
            key={form.key(`languages.${i}`)}
            form={form}
            index={i}
            shipped={value.shipped.find((s) => s.language === l.language)}
          />
        ))}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label="Add a language"
            description='A code such as "es", "fr" or "pt-BR"'
            w={220}
            value={newLanguage}
            onChange={(e) => setNewLanguage(e.currentTarget.value)}
          />
          <Button variant="light" onClick={addLanguage}>
            Add
          </Button>
        </Group>
        <ErrorAlert error={save.error} title="The phrase lists were not saved" />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save as a new version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
