import { Alert } from '@mantine/core';
import type { BriefCover as Cover, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatInZone } from '../../app/format';

/** Who is covering this episode now, said from the reader's side (issue 10). */
export function coverText(cover: Wire<Cover>): string {
  const until = formatInZone(cover.endsAt, cover.timeZone);
  switch (cover.viewer) {
    case 'therapist':
      return `${cover.designeeName} is covering for you until ${until}.`;
    case 'designee':
      return `You are covering for ${cover.therapistName} until ${until}.`;
    default:
      return `${cover.designeeName} is covering for ${cover.therapistName} until ${until}.`;
  }
}

/** The cover in effect, above the brief's cards; nothing when there is none. */
export function BriefCover({ cover }: { cover: Wire<Cover> | null }): ReactElement | null {
  if (!cover) return null;
  return (
    <Alert color="blue" variant="light" title="Cover in effect" c="dark.7">
      {coverText(cover)}
    </Alert>
  );
}
