import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { EndingSummaryWords, RelapsePrevention } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';

/** The words as the form edits them: lists as one line per item. */
type Draft = Record<
  | 'greeting'
  | 'progress'
  | 'whatHelped'
  | 'howToReturn'
  | 'closing'
  | 'crisisPlan'
  | Exclude<keyof RelapsePrevention, 'crisisPlan'>,
  string
>;

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function toDraft(w: EndingSummaryWords): Draft {
  const p = w.relapsePrevention;
  return {
    greeting: w.greeting,
    progress: w.progress,
    whatHelped: w.whatHelped.join('\n'),
    warningSigns: p.warningSigns.join('\n'),
    triggers: p.triggers.join('\n'),
    whatHelps: p.whatHelps.join('\n'),
    whoToContact: p.whoToContact.join('\n'),
    crisisPlan: p.crisisPlan,
    howToReturn: w.howToReturn,
    closing: w.closing,
  };
}

function toWords(d: Draft): EndingSummaryWords {
  return {
    greeting: d.greeting,
    progress: d.progress,
    whatHelped: lines(d.whatHelped),
    relapsePrevention: {
      warningSigns: lines(d.warningSigns),
      triggers: lines(d.triggers),
      whatHelps: lines(d.whatHelps),
      whoToContact: lines(d.whoToContact),
      crisisPlan: d.crisisPlan,
    },
    howToReturn: d.howToReturn,
    closing: d.closing,
  };
}

const FIELDS: { key: keyof Draft; label: string; hint?: string }[] = [
  { key: 'greeting', label: 'Opening' },
  { key: 'progress', label: 'How it went' },
  { key: 'whatHelped', label: 'What helped', hint: 'One per line, in their words where you can' },
  { key: 'warningSigns', label: 'Early warning signs', hint: 'One per line' },
  { key: 'triggers', label: 'Triggers', hint: 'One per line' },
  { key: 'whatHelps', label: 'What helps', hint: 'One per line' },
  { key: 'whoToContact', label: 'Who to contact', hint: 'One per line' },
  { key: 'crisisPlan', label: 'In a crisis' },
  { key: 'howToReturn', label: 'Coming back' },
  { key: 'closing', label: 'Closing words' },
];

/** The therapist's editor for the words of the summary (the facts come from the record). */
export function EndingSummaryForm({
  words,
  saving,
  onSave,
}: {
  words: EndingSummaryWords;
  saving: boolean;
  onSave: (words: EndingSummaryWords) => void;
}): ReactElement {
  const [draft, setDraft] = useState<Draft>(() => toDraft(words));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSave(toWords(draft));
      }}
    >
      <Stack gap="sm">
        {FIELDS.map((field) => (
          <Textarea
            key={field.key}
            label={field.label}
            description={field.hint}
            autosize
            minRows={2}
            value={draft[field.key]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDraft((d) => ({ ...d, [field.key]: value }));
            }}
          />
        ))}
        <Group>
          <Button type="submit" loading={saving}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
