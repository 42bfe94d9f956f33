import { Button, Paper, Text, Title } from '@mantine/core';
import { type ReactElement, useState } from 'react';
import { useAccessReport } from './access-report-api';
import { AccessReportList } from './access-report-list';

/**
 * On the client page: the same access report the client sees in their portal. Loaded only when
 * asked for, because opening it is itself recorded (and then listed in the client's report).
 */
export function AccessReportSection({ clientId }: { clientId: string }): ReactElement {
  const [shown, setShown] = useState(false);
  const report = useAccessReport(clientId, shown);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="access">
      <Title order={2} size="h3" id="access" mb="xs">
        Who has seen this record
      </Title>
      <Text size="sm" mb="sm">
        What the client sees under “Who has seen my record”: who opened or changed which part of the
        record, and when. Opening this list is recorded, and the client sees that too.
      </Text>
      {shown ? (
        <AccessReportList report={report} />
      ) : (
        <Button variant="default" onClick={() => setShown(true)}>
          Show who has seen this record
        </Button>
      )}
    </Paper>
  );
}
