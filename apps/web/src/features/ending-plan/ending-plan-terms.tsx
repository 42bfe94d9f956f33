import { List, Stack, Text, Title } from '@mantine/core';
import type { EndingPlan, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { cadenceLabels, checkInsText, dayText } from './ending-plan-words';

function Items({ title, items }: { title: string; items: readonly string[] }): ReactElement | null {
  if (items.length === 0) return null;
  return (
    <div>
      <Title order={4} size="h6">
        {title}
      </Title>
      <List size="sm">
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </div>
  );
}

/** The plan in plain words, for the therapist and the client alike. */
export function EndingPlanTerms({ plan }: { plan: Wire<EndingPlan> }): ReactElement {
  const t = plan.terms;
  const rp = t.relapsePrevention;
  return (
    <Stack gap="xs">
      <Text size="sm">
        The last session is planned for <strong>{dayText(t.lastSessionOn)}</strong>.
        {t.sessionsToTalkAboutEnding > 0 &&
          ` ${t.sessionsToTalkAboutEnding === 1 ? 'One session is' : `${t.sessionsToTalkAboutEnding} sessions are`} set aside to talk about ending.`}
      </Text>
      {t.taper.length > 0 && (
        <List size="sm">
          {t.taper.map((s) => (
            <List.Item key={s.from}>
              From {dayText(s.from)}: sessions {cadenceLabels[s.cadence]}.
            </List.Item>
          ))}
        </List>
      )}
      <Items title="Early warning signs" items={rp.warningSigns} />
      <Items title="Triggers" items={rp.triggers} />
      <Items title="What helps" items={rp.whatHelps} />
      <Items title="Who to contact" items={rp.whoToContact} />
      {rp.crisisPlan && (
        <Text size="sm">
          <strong>In a crisis:</strong> {rp.crisisPlan}
        </Text>
      )}
      {t.closingSession && (
        <Text size="sm">
          <strong>The closing session:</strong> {t.closingSession}
        </Text>
      )}
      <Items
        title="Referrals"
        items={t.referrals.map((r) => (r.reason ? `${r.to} — ${r.reason}` : r.to))}
      />
      <Text size="sm">{checkInsText(t.checkIns.map((c) => c.afterMonths))}</Text>
    </Stack>
  );
}
