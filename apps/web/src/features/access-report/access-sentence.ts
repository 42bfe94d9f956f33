import type { AccessReportItem, Wire } from '@throughline/contracts';
import { accessActionLabels, accessRecordKindLabels, roleLabels } from '../../app/labels';

/** "Maya Okafor, therapist, read a session note" — or "You changed personal details". */
export function accessSentence(item: Wire<AccessReportItem>): string {
  const who =
    item.actorName === 'You' || item.actorRole === null
      ? item.actorName
      : `${item.actorName}, ${roleLabels[item.actorRole].toLowerCase()},`;
  return `${who} ${accessActionLabels[item.action]} ${accessRecordKindLabels[item.resourceType]}`;
}
