import { List, Stack, Table, Text, Title } from '@mantine/core';
import { scoreInClientWords } from '@throughline/clinical';
import {
  CHANGE_CATEGORY_WORDS,
  type EndingSummary,
  outcomeWords,
  type RelapsePrevention,
  type Wire,
} from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatDate } from '../../app/format';
import { ScrollRegion } from '../../app/scroll-region';

function Paragraphs({ text }: { text: string }): ReactElement {
  return <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Text>;
}

function Lines({ items, empty }: { items: readonly string[]; empty: string }): ReactElement {
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <List spacing={4}>
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

/** The relapse-prevention plan, part by part; parts left empty are not shown. */
export function RelapsePlan({ plan }: { plan: RelapsePrevention }): ReactElement {
  const parts: [string, readonly string[]][] = [
    ['Early warning signs', plan.warningSigns],
    ['Triggers', plan.triggers],
    ['What helps', plan.whatHelps],
    ['Who to contact', plan.whoToContact],
  ];
  const shown = parts.filter(([, items]) => items.length > 0);
  if (shown.length === 0 && !plan.crisisPlan) return <Text c="dimmed">No plan was written.</Text>;
  return (
    <Stack gap="xs">
      {shown.map(([title, items]) => (
        <Stack key={title} gap={2}>
          <Text fw={600}>{title}</Text>
          <Lines items={items} empty="" />
        </Stack>
      ))}
      {plan.crisisPlan && (
        <Stack gap={2}>
          <Text fw={600}>In a crisis</Text>
          <Paragraphs text={plan.crisisPlan} />
        </Stack>
      )}
    </Stack>
  );
}

const dayText = (day: string): string => formatDate(`${day}T12:00:00Z`);

/** The summary as the client reads it (portal) and the therapist previews it. */
export function EndingSummaryView({ summary }: { summary: Wire<EndingSummary> }): ReactElement {
  const f = summary.facts;
  return (
    <Stack gap="md">
      <Text c="dimmed">
        {summary.practiceName} · {dayText(f.startedOn)}
        {f.lastSessionOn ? ` to ${dayText(f.lastSessionOn)}` : ''} ·{' '}
        {f.attendedSessions === 1 ? '1 session' : `${f.attendedSessions} sessions`}
      </Text>
      <Paragraphs text={summary.words.greeting} />
      <Title order={2}>How it went</Title>
      <Paragraphs text={summary.words.progress} />
      <Title order={2}>Goals</Title>
      <Lines
        items={f.goals.map(
          (g) =>
            `${g.clientWords} — ${g.attainment ? g.attainment.words : 'not reviewed together'}`,
        )}
        empty="No goals were written down."
      />
      <Title order={2}>Questionnaires</Title>
      {f.scores.length === 0 ? (
        <Text c="dimmed">No questionnaires were completed.</Text>
      ) : (
        <ScrollRegion label="Questionnaire scores">
          <Table style={{ minWidth: 300 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Questionnaire</Table.Th>
                <Table.Th scope="col">First</Table.Th>
                <Table.Th scope="col">Last</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.scores.map((s) => (
                <Table.Tr key={s.instrument}>
                  <Table.Th scope="row">{s.title}</Table.Th>
                  <Table.Td>
                    {scoreInClientWords(s.first.score, s.first.band)}, {formatDate(s.first.at)}
                  </Table.Td>
                  <Table.Td>
                    {scoreInClientWords(s.last.score, s.last.band)}, {formatDate(s.last.at)}
                  </Table.Td>
                  <Table.Td>
                    {s.category ? CHANGE_CATEGORY_WORDS[s.category] : 'One score only'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <Text>Overall: {outcomeWords(f.outcome)}</Text>
      <Title order={2}>What helped</Title>
      <Lines items={summary.words.whatHelped} empty="Nothing was written here." />
      <Title order={2}>Your plan for keeping well</Title>
      <RelapsePlan plan={summary.words.relapsePrevention} />
      <Title order={2}>Coming back</Title>
      <Paragraphs text={summary.words.howToReturn} />
      <Paragraphs text={summary.words.closing} />
    </Stack>
  );
}
