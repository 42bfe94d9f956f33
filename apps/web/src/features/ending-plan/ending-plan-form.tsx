import {
  Button,
  Chip,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type EndingPlanTerms,
  type ProposeEndingPlan,
  TAPER_CADENCES,
  type TaperCadence,
  type Wire,
} from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { ListEditor } from '../../app/list-editor';
import { ReferralsEditor } from '../../app/referrals-editor';
import { useProposeEndingPlan } from './ending-plan-api';
import { cadenceLabels } from './ending-plan-words';

type Values = {
  lastSessionOn: string;
  taper: { from: string; cadence: TaperCadence }[];
  sessionsToTalkAboutEnding: number | string;
  referrals: { to: string; reason: string }[];
  warningSigns: string;
  triggers: string;
  whatHelps: string;
  whoToContact: string;
  crisisPlan: string;
  closingSession: string;
  checkIns: string[];
};

const SUGGESTED_MONTHS = ['1', '3', '6', '12'];
const cadenceOptions = TAPER_CADENCES.map((value) => ({
  value,
  label: cadenceLabels[value][0]?.toUpperCase() + cadenceLabels[value].slice(1),
}));
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function initial(start: Wire<EndingPlanTerms> | null): Values {
  const rp = start?.relapsePrevention;
  return {
    lastSessionOn: start?.lastSessionOn ?? '',
    taper: start?.taper.map((s) => ({ ...s })) ?? [],
    sessionsToTalkAboutEnding: start?.sessionsToTalkAboutEnding ?? 2,
    referrals: start?.referrals.map((r) => ({ ...r })) ?? [],
    warningSigns: rp?.warningSigns.join('\n') ?? '',
    triggers: rp?.triggers.join('\n') ?? '',
    whatHelps: rp?.whatHelps.join('\n') ?? '',
    whoToContact: rp?.whoToContact.join('\n') ?? '',
    crisisPlan: rp?.crisisPlan ?? '',
    closingSession: start?.closingSession ?? '',
    checkIns: start ? start.checkIns.map((c) => String(c.afterMonths)) : ['1', '3', '6'],
  };
}

/**
 * Propose an ending plan, or a change to it: the same form for the therapist (episode page) and
 * the client (portal). Whoever proposes agrees to it by proposing; the other side then accepts.
 */
export function EndingPlanForm({
  episodeId,
  start,
  submitLabel,
  onDone,
}: {
  episodeId: string;
  start: Wire<EndingPlanTerms> | null;
  submitLabel: string;
  onDone: () => void;
}): ReactElement {
  const form = useForm<Values>({
    initialValues: initial(start),
    validate: {
      lastSessionOn: (v) => (v ? null : 'Choose the day of the last session.'),
      taper: { from: (v) => (v ? null : 'Choose the day this step starts.') },
      referrals: { to: (v) => (v.trim() ? null : 'Name who the referral is to.') },
    },
  });
  const [custom, setCustom] = useState<number | string>('');
  const propose = useProposeEndingPlan(episodeId, { onSuccess: onDone });
  const submit = form.onSubmit((v) => {
    const input: ProposeEndingPlan = {
      lastSessionOn: v.lastSessionOn,
      taper: [...v.taper].sort((a, b) => a.from.localeCompare(b.from)),
      sessionsToTalkAboutEnding: Number(v.sessionsToTalkAboutEnding) || 0,
      referrals: v.referrals.map((r) => ({ to: r.to.trim(), reason: r.reason.trim() })),
      relapsePrevention: {
        warningSigns: lines(v.warningSigns),
        triggers: lines(v.triggers),
        whatHelps: lines(v.whatHelps),
        whoToContact: lines(v.whoToContact),
        crisisPlan: v.crisisPlan.trim(),
      },
      closingSession: v.closingSession.trim(),
      checkIns: v.checkIns
        .map((m) => ({ afterMonths: Number(m) }))
        .sort((a, b) => a.afterMonths - b.afterMonths),
    };
    propose.mutate(input);
  });
  const monthChips = [...new Set([...SUGGESTED_MONTHS, ...form.values.checkIns])].sort(
    (a, b) => Number(a) - Number(b),
  );
  const addCustom = () => {
    const n = Number(custom);
    if (Number.isInteger(n) && n >= 1 && n <= 24 && !form.values.checkIns.includes(String(n)))
      form.setFieldValue('checkIns', [...form.values.checkIns, String(n)]);
    setCustom('');
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          type="date"
          label="Last session"
          description="Set it some weeks ahead, so there is time to talk about ending."
          maw={220}
          {...form.getInputProps('lastSessionOn')}
        />
        <div>
          <Title order={3} size="h6">
            Spacing the last sessions out
          </Title>
          <Text size="xs" c="dimmed">
            Only future sessions change; sessions before the first step stay as they are.
          </Text>
        </div>
        <ListEditor
          items={form.values.taper}
          rowKey={(_, i) => form.key(`taper.${i}`)}
          removeLabel={(_, i) => `Remove step ${i + 1}`}
          onRemove={(i) => form.removeListItem('taper', i)}
          addLabel="Add a step"
          onAdd={() => form.insertListItem('taper', { from: '', cadence: 'fortnightly' })}
          renderRow={(_, i) => (
            <>
              <TextInput
                type="date"
                label="From"
                w={170}
                {...form.getInputProps(`taper.${i}.from`)}
              />
              <Select
                label="Sessions"
                data={cadenceOptions}
                allowDeselect={false}
                w={180}
                {...form.getInputProps(`taper.${i}.cadence`)}
              />
            </>
          )}
        />
        <NumberInput
          label="Sessions to talk about ending"
          min={0}
          max={52}
          w={240}
          {...form.getInputProps('sessionsToTalkAboutEnding')}
        />
        <Title order={3} size="h6">
          Staying well (one item per line)
        </Title>
        <Textarea
          label="Early warning signs"
          autosize
          minRows={2}
          {...form.getInputProps('warningSigns')}
        />
        <Textarea label="Triggers" autosize minRows={2} {...form.getInputProps('triggers')} />
        <Textarea label="What helps" autosize minRows={2} {...form.getInputProps('whatHelps')} />
        <Textarea
          label="Who to contact"
          autosize
          minRows={2}
          {...form.getInputProps('whoToContact')}
        />
        <Textarea
          label="In a crisis"
          description="The practice's crisis lines are always shown beside the plan."
          autosize
          minRows={2}
          {...form.getInputProps('crisisPlan')}
        />
        <Textarea
          label="The closing session"
          description="For example a closing song, a recording to keep, or a letter to yourself."
          autosize
          minRows={2}
          {...form.getInputProps('closingSession')}
        />
        <Title order={3} size="h6">
          Referrals
        </Title>
        <ReferralsEditor form={form} />
        <Title order={3} size="h6">
          Check-ins after the ending (months)
        </Title>
        <Chip.Group multiple {...form.getInputProps('checkIns')}>
          <Group gap="xs">
            {monthChips.map((m) => (
              <Chip key={m} value={m}>
                {m === '1' ? '1 month' : `${m} months`}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group gap="xs" align="flex-end">
          <NumberInput
            label="Another month"
            min={1}
            max={24}
            w={140}
            value={custom}
            onChange={setCustom}
          />
          <Button variant="light" size="xs" onClick={addCustom}>
            Add
          </Button>
        </Group>
        <ErrorAlert error={propose.error} title="The plan was not proposed" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={propose.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
