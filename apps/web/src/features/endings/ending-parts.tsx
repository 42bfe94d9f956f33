import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { ListEditor } from '../../app/list-editor';
import { ReferralsEditor } from '../../app/referrals-editor';
import {
  CHANNEL_WORDS,
  type EndingFormValues,
  type EndingPart,
  GROUNDS_WORDS,
  WHOSE_WORDS,
} from './ending-kinds';

type Form = UseFormReturnType<EndingFormValues>;
const options = (words: Record<string, string>) =>
  Object.entries(words).map(([value, label]) => ({ value, label }));

/** The fields one part of an ending asks for (see ENDING_PARTS). */
export function EndingPartFields({ part, form }: { part: EndingPart; form: Form }): ReactElement {
  switch (part) {
    case 'grounds':
      return (
        <Select
          label="Why therapy ends"
          data={options(GROUNDS_WORDS)}
          allowDeselect={false}
          {...form.getInputProps('grounds')}
        />
      );
    case 'pretermination':
      return (
        <Stack gap="xs">
          <TextInput
            type="date"
            label="Date of the conversation about ending"
            description="The talk before ending, with referrals (APA 10.10 c)"
            {...form.getInputProps('preterminationOn')}
          />
          <Textarea
            label="What was discussed"
            autosize
            minRows={2}
            {...form.getInputProps('preterminationSummary')}
          />
          <Textarea
            label="If that conversation was not possible, why"
            description="For example, the client's actions made it unsafe"
            autosize
            minRows={2}
            {...form.getInputProps('precludedBecause')}
          />
        </Stack>
      );
    case 'referrals':
      return <ReferralFields form={form} />;
    case 'outreach':
      return <OutreachFields form={form} />;
    case 'closureLetter':
      return (
        <Stack gap="xs">
          <Textarea
            label="Closure letter to the client"
            description="Shown in their portal; an e-mail only tells them it is there"
            autosize
            minRows={4}
            {...form.getInputProps('closureLetter.text')}
          />
          <Textarea
            label="How to come back"
            autosize
            minRows={2}
            {...form.getInputProps('closureLetter.howToReturn')}
          />
        </Stack>
      );
    case 'transfer':
      return (
        <Stack gap="xs">
          <TextInput label="Care moves to" {...form.getInputProps('transferTo')} />
          <Textarea
            label="Handover summary"
            autosize
            minRows={4}
            {...form.getInputProps('handoverSummary')}
          />
        </Stack>
      );
    case 'whose':
      return (
        <Select
          label="Whose death or incapacity"
          data={options(WHOSE_WORDS)}
          allowDeselect={false}
          {...form.getInputProps('of')}
        />
      );
  }
}

function OutreachFields({ form }: { form: Form }): ReactElement {
  const rows = form.getValues().outreach;
  return (
    <Stack gap="xs" role="group" aria-label="Attempts to reach the client">
      <Text size="sm" fw={500}>
        Attempts to reach the client
      </Text>
      {form.errors.outreach && (
        <Text size="sm" c="red">
          {form.errors.outreach}
        </Text>
      )}
      <ListEditor
        items={rows}
        rowKey={(_, i) => form.key(`outreach.${i}`)}
        removeLabel={(_, i) => `Remove attempt ${i + 1}`}
        onRemove={(i) => form.removeListItem('outreach', i)}
        addLabel="Add an attempt"
        onAdd={() => form.insertListItem('outreach', { on: '', channel: 'phone', note: '' })}
        min={1}
        renderRow={(_, i) => (
          <>
            <TextInput
              type="date"
              label={`Attempt ${i + 1}: date`}
              {...form.getInputProps(`outreach.${i}.on`)}
            />
            <Select
              label="How"
              data={options(CHANNEL_WORDS)}
              allowDeselect={false}
              {...form.getInputProps(`outreach.${i}.channel`)}
            />
            <TextInput label="Note" {...form.getInputProps(`outreach.${i}.note`)} />
          </>
        )}
      />
    </Stack>
  );
}

function ReferralFields({ form }: { form: Form }): ReactElement {
  return (
    <Stack gap="xs" role="group" aria-labelledby="ending-referrals-label">
      <div>
        <Text size="sm" fw={500} id="ending-referrals-label">
          Referrals
        </Text>
        <Text size="xs" c="dimmed">
          A person or a service the client can turn to, and why, if you want to say.
        </Text>
      </div>
      {form.errors.referrals && (
        <Text size="sm" c="red">
          {form.errors.referrals}
        </Text>
      )}
      <ReferralsEditor form={form} toLabel="Person or service" reasonLabel="Why (optional)" />
    </Stack>
  );
}
