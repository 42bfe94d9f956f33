import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { AdminConsentSection } from '../consent/admin-consent-section';
import { AdminSupervisionSection } from '../consent/admin-supervision-section';
import { RetentionSection } from '../endings/retention-section';
import {
  adminKeys,
  getCrisisResources,
  getMeasureSettings,
  getPractice,
  listUsers,
} from './admin-api';
import { CrisisResourcesForm } from './crisis-resources-form';
import { InviteStaffModal } from './invite-staff-modal';
import { MeasureSettingsForm } from './measure-settings-form';
import { PracticeInstrumentsSection } from './practice-instruments-section';
import { PracticeSettingsForm } from './practice-settings-form';
import { getRiskPhrases, riskPhrasesKey } from './risk-phrases-api';
import { RiskPhrasesForm } from './risk-phrases-form';
import { UsersTable } from './users-table';

export function AdminPage(): ReactElement {
  usePageTitle('Practice administration');
  const [inviting, invite] = useDisclosure(false);
  const users = useQuery({ queryKey: adminKeys.users, queryFn: listUsers });
  const practice = useQuery({ queryKey: adminKeys.practice, queryFn: getPractice });
  const measures = useQuery({ queryKey: adminKeys.measureSettings, queryFn: getMeasureSettings });
  const crisis = useQuery({ queryKey: adminKeys.crisisResources, queryFn: getCrisisResources });
  const phrases = useQuery({ queryKey: riskPhrasesKey, queryFn: getRiskPhrases });

  return (
    <Stack maw={1100} gap="xl">
      <Title order={1}>Practice administration</Title>

      <Stack component="section" aria-labelledby="users-heading">
        <Group justify="space-between">
          <Title order={2} size="h3" id="users-heading">
            Users
          </Title>
          <Button onClick={invite.open}>Invite staff member</Button>
        </Group>
        <InviteStaffModal opened={inviting} onClose={invite.close} />
        {users.isPending && <Loading label="Loading users" />}
        <ErrorAlert error={users.error} title="Could not load users" />
        {users.data && users.data.items.length === 0 && <Text>No users yet.</Text>}
        {users.data && users.data.items.length > 0 && <UsersTable users={users.data.items} />}
      </Stack>

      <Stack component="section" aria-labelledby="practice-heading">
        <Title order={2} size="h3" id="practice-heading">
          Practice settings
        </Title>
        {practice.isPending && <Loading label="Loading practice settings" />}
        <ErrorAlert error={practice.error} title="Could not load practice settings" />
        {practice.data && <PracticeSettingsForm key={practice.data.id} practice={practice.data} />}
      </Stack>

      <Stack component="section" aria-labelledby="measures-heading">
        <Title order={2} size="h3" id="measures-heading">
          Questionnaires
        </Title>
        {measures.isPending && <Loading label="Loading questionnaire settings" />}
        <ErrorAlert error={measures.error} title="Could not load questionnaire settings" />
        {measures.data && <MeasureSettingsForm settings={measures.data} />}
      </Stack>

      <PracticeInstrumentsSection />

      <Stack component="section" aria-labelledby="crisis-heading">
        <Title order={2} size="h3" id="crisis-heading">
          Crisis resources
        </Title>
        {crisis.isPending && <Loading label="Loading crisis resources" />}
        <ErrorAlert error={crisis.error} title="Could not load the crisis resources" />
        {crisis.data && <CrisisResourcesForm key={crisis.data.version} value={crisis.data} />}
      </Stack>

      <RetentionSection />

      <Stack component="section" aria-labelledby="risk-phrases-heading">
        <Title order={2} size="h3" id="risk-phrases-heading">
          Risk-language phrases
        </Title>
        {phrases.isPending && <Loading label="Loading the phrase lists" />}
        <ErrorAlert error={phrases.error} title="Could not load the phrase lists" />
        {phrases.data && <RiskPhrasesForm key={phrases.data.version} value={phrases.data} />}
      </Stack>

      <AdminConsentSection />

      <AdminSupervisionSection />

      <Stack component="section" aria-labelledby="tools-heading">
        <Title order={2} size="h3" id="tools-heading">
          Records and e-mail
        </Title>
        <Group align="stretch" grow preventGrowOverflow={false} wrap="wrap">
          <Card withBorder miw={260}>
            <Anchor component={Link} to="/admin/outbox" fw={600}>
              Outbox
            </Anchor>
            <Text size="sm" mt={4}>
              See whom Throughline e-mailed, what kind of e-mail, and whether it went out. What the
              e-mails say is never shown.
            </Text>
          </Card>
          <Card withBorder miw={260}>
            <Anchor component={Link} to="/admin/audit" fw={600}>
              Audit check
            </Anchor>
            <Text size="sm" mt={4}>
              Check that the audit trail has not been altered.
            </Text>
          </Card>
        </Group>
      </Stack>
    </Stack>
  );
}
