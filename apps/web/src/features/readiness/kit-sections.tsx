import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { ContinuityKit, Wire } from '@throughline/contracts';
import type { ReactElement, ReactNode } from 'react';
import { formatDate } from '../../app/format';
import { attachmentUrl } from '../notes/notes-api';

export function KitBlock({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}): ReactElement {
  return (
    <Stack gap={4} component="section">
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Lines({ label, items }: { label: string; items: string[] }): ReactElement | null {
  if (items.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text fw={600}>{label}</Text>
      <List spacing={2}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The relapse-prevention plan written together, or a kind word that there is none. */
export function RelapsePlan({ kit }: { kit: Wire<ContinuityKit> }): ReactElement {
  const plan = kit.relapsePrevention;
  if (!plan)
    return (
      <Text>
        There is no ending plan that you and {kit.therapistName ?? 'your therapist'} both agreed, so
        there is no plan to keep here. If you would like one, you can ask for it — see “Coming back
        or checking in” below.
      </Text>
    );
  return (
    <Stack gap="xs">
      {kit.planAcceptedAt && (
        <Text size="sm">Agreed together on {formatDate(kit.planAcceptedAt)}.</Text>
      )}
      <Lines label="Early warning signs" items={plan.warningSigns} />
      <Lines label="Things that can set it off" items={plan.triggers} />
      <Lines label="What helps" items={plan.whatHelps} />
      <Lines label="Who to contact" items={plan.whoToContact} />
      {plan.crisisPlan && (
        <Stack gap={2}>
          <Text fw={600}>If things get very hard</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.crisisPlan}</Text>
        </Stack>
      )}
    </Stack>
  );
}

export function KitHomework({ kit }: { kit: Wire<ContinuityKit> }): ReactElement {
  if (kit.homework.length === 0) return <Text>No homework or exercises were set.</Text>;
  return (
    <List spacing="xs">
      {kit.homework.map((h) => (
        <List.Item key={h.id}>
          <Text fw={600} component="span">
            {h.title}
          </Text>
          {h.instructions && <Text style={{ whiteSpace: 'pre-wrap' }}>{h.instructions}</Text>}
          {h.link && (
            <Anchor
              href={h.link}
              target="_blank"
              rel="noreferrer"
              style={{ wordBreak: 'break-word' }}
            >
              {h.link}
            </Anchor>
          )}
          {h.attachment && (
            <Anchor href={attachmentUrl(h.attachment.id)} style={{ wordBreak: 'break-word' }}>
              {h.attachment.fileName}
            </Anchor>
          )}
        </List.Item>
      ))}
    </List>
  );
}

export function KitMusic({ kit }: { kit: Wire<ContinuityKit> }): ReactElement {
  return (
    <Stack gap="xs">
      {kit.music.length === 0 ? (
        <Text>No music was noted from your sessions.</Text>
      ) : (
        <List spacing={4}>
          {kit.music.map((m, i) => (
            <List.Item key={`${m.sessionOn}-${i}`}>
              {m.title ?? 'A piece without a title'}
              {m.artist ? ` — ${m.artist}` : ''}
              {m.clientCreated ? ' (made by you)' : ''} · {formatDate(m.sessionOn)}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm">{kit.recording.ownership}</Text>
      <Text size="sm">
        {kit.recording.consented && kit.recording.signedAt
          ? `You agreed to recordings on ${formatDate(kit.recording.signedAt)}; you can withdraw that agreement at any time in your portal's consent section.`
          : 'You have not agreed to sessions being recorded, so nothing was recorded.'}
      </Text>
    </Stack>
  );
}

export function KitCrisis({ kit }: { kit: Wire<ContinuityKit> }): ReactElement {
  const c = kit.crisisResources;
  return (
    <Stack gap={4}>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{c.message}</Text>
      <List spacing={2}>
        {c.lines.map((line) => (
          <List.Item key={`${line.country}-${line.name}`}>
            <Text component="span" fw={600}>
              {line.name}
            </Text>
            : {line.contact}
            {line.note ? ` — ${line.note}` : ''}
          </List.Item>
        ))}
      </List>
      {c.practice && <Text size="sm">{c.practice}</Text>}
    </Stack>
  );
}
