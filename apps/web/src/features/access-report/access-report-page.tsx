import { Stack, Text, Title } from '@mantine/core';
import { zoneName } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { usePageTitle } from '../../app/page-title';
import { usePortalPreferences } from '../portal/portal-api';
import { useAccessReport } from './access-report-api';
import { AccessReportList } from './access-report-list';

/**
 * The client's "Who has seen my record" (HIPAA 45 CFR 164.528, accounting of disclosures): who
 * at the practice opened or changed which part of their record, and when.
 */
export function AccessReportPage(): ReactElement {
  usePageTitle('Who has seen my record');
  const report = useAccessReport();
  const zone = usePortalPreferences().data?.timeZone;
  return (
    <Stack maw={720}>
      <Title order={1}>Who has seen my record</Title>
      <Text>
        Every time someone at your practice opens or changes part of your record, it is written
        down. This is that list, newest first. Your own reading is not listed; your own changes are,
        as “You”. A private note your therapist keeps is shown only as “a private note”.
      </Text>
      {zone && <Text size="sm">Times are shown in {zoneName(zone)}.</Text>}
      <AccessReportList report={report} timeZone={zone} />
    </Stack>
  );
}
