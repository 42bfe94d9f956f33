import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type { Cover, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone, zoneSuffix } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { viewerTimeZone } from '../../app/time-zones';
import { caseloadKeys, getCaseload } from '../caseload/caseload-api';
import { coverQuery, useArrangeCover, useCancelCover } from '../consent/consent-api';

type Draft = { designeeId: string | null; startsAt: string; endsAt: string; episodeIds: string[] };

const names = (c: Wire<Cover>): string => c.episodes.map((e) => e.clientName).join(', ');

function ArrangeForm({
  colleagues,
}: {
  colleagues: { id: string; displayName: string }[];
}): ReactElement {
  const caseload = useQuery({ queryKey: caseloadKeys.all, queryFn: getCaseload });
  const form = useForm<Draft>({
    initialValues: { designeeId: null, startsAt: '', endsAt: '', episodeIds: [] },
    validate: {
      designeeId: (v) => (v ? null : 'Choose who covers for you.'),
      startsAt: (v) => (v ? null : 'Choose when the cover starts.'),
      endsAt: (v, all) =>
        !v
          ? 'Choose when the cover ends.'
          : v <= all.startsAt
            ? 'The end must be after the start.'
            : null,
      episodeIds: (v) => (v.length > 0 ? null : 'Choose at least one client.'),
    },
  });
  const arrange = useArrangeCover({ onSuccess: () => form.reset() });
  const submit = form.onSubmit((v) =>
    arrange.mutate({
      designeeId: v.designeeId ?? '',
      startsAt: new Date(v.startsAt).toISOString(),
      endsAt: new Date(v.endsAt).toISOString(),
      episodeIds: v.episodeIds,
    }),
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Select
          label="Who covers for you"
          data={colleagues.map((c) => ({ value: c.id, label: c.displayName }))}
          {...form.getInputProps('designeeId')}
        />
        <Group grow wrap="wrap">
          <TextInput
            type="datetime-local"
            label="From"
            description={`Your time (${zoneSuffix(viewerTimeZone())})`}
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            type="datetime-local"
            label="Until"
            description={`Your time (${zoneSuffix(viewerTimeZone())})`}
            {...form.getInputProps('endsAt')}
          />
        </Group>
        <Checkbox.Group label="Clients to cover" {...form.getInputProps('episodeIds')}>
          <Stack gap={4} mt={4}>
            {caseload.isPending && <Loading label="Loading your caseload" />}
            {(caseload.data?.items ?? []).map((item) => (
              <Checkbox
                key={item.episodeId}
                value={item.episodeId}
                label={item.preferredName ?? item.displayName}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <ErrorAlert error={arrange.error} title="Could not arrange the cover" />
        <Button type="submit" style={{ alignSelf: 'start' }} loading={arrange.isPending}>
          Arrange cover
        </Button>
      </Stack>
    </form>
  );
}

/**
 * Cover while away (APA 3.12, 10.09; ACA A.11): name a colleague who may read the brief and see
 * alerts of chosen clients between two times; it ends by itself. And the cover you give.
 */
export function CoverPage(): ReactElement {
  usePageTitle('Cover while away');
  const cover = useQuery(coverQuery());
  const cancel = useCancelCover();
  const data = cover.data;
  return (
    <Stack maw={800}>
      <Title order={1}>Cover while away</Title>
      <Text>
        While you are away, a colleague can read the brief and see alerts of the clients you name,
        from the start to the end you choose. Their access ends by itself; your clients see on their
        portal who is covering and until when. Every read is recorded as cover.
      </Text>
      {cover.isPending && <Loading label="Loading cover" />}
      <ErrorAlert error={cover.error ?? cancel.error} title="Could not load or change cover" />
      {data && (
        <>
          <Stack component="section" aria-labelledby="giving">
            <Title order={2} size="h3" id="giving">
              Cover you give
            </Title>
            {data.giving.length === 0 && <Text size="sm">You are not covering for anyone.</Text>}
            {data.giving.map((c) => (
              <Card withBorder key={c.id}>
                <Text>
                  For {c.therapistName}, {formatInZone(c.startsAt)} until {formatInZone(c.endsAt)}.
                </Text>
                {inEffect(c) ? (
                  <Group gap="sm" mt={4}>
                    {c.episodes.map((e) => (
                      <Anchor key={e.id} component={Link} to={`/episodes/${e.id}/brief`}>
                        Brief: {e.clientName}
                      </Anchor>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {c.episodes.map((e) => e.clientName).join(', ')}: their briefs open to you while
                    the cover lasts.
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
          <Stack component="section" aria-labelledby="arranged">
            <Title order={2} size="h3" id="arranged">
              Cover for your clients
            </Title>
            {data.arranged.map((c) => (
              <Card withBorder key={c.id}>
                <Group justify="space-between" wrap="wrap">
                  <Text>
                    {c.designeeName} covers {names(c)}, {formatInZone(c.startsAt)} until{' '}
                    {formatInZone(c.endsAt)}.
                  </Text>
                  <Button
                    variant="default"
                    loading={cancel.isPending && cancel.variables === c.id}
                    onClick={() => cancel.mutate(c.id)}
                  >
                    Cancel cover
                  </Button>
                </Group>
              </Card>
            ))}
            <ArrangeForm colleagues={data.colleagues} />
          </Stack>
        </>
      )}
    </Stack>
  );
}

/** The cover runs now: the server admits the designee only between its start and its end. */
function inEffect(cover: { startsAt: string; endsAt: string }): boolean {
  const now = Date.now();
  return Date.parse(cover.startsAt) <= now && now < Date.parse(cover.endsAt);
}
