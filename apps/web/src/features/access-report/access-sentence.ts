import type { AccessReportItem, Wire } from '@throughline/contracts';
import { accessActionLabels, accessRecordKindLabels, roleLabels } from '../../app/labels';

/** "Maya Okafor, therapist, read a session note" — or "You changed personal details". */
export function accessSentence(item: Wire<AccessReportItem>): string {
  const who =
    item.actorName === 'You' || item.actorRole === null
      ? item.actorName
      : `${item.actorName}, ${roleLabels[item.actorRole].toLowerCase()},`;
  // On the client's own report a copy is "a copy of your record" (issue 12).
  const own = item.byClient && item.actorName === 'You';
  const what =
    own && (item.resourceType === 'copy' || item.resourceType === 'copy-request')
      ? 'a copy of your record'
      : accessRecordKindLabels[item.resourceType];
  return `${who} ${accessActionLabels[item.action]} ${what}`;
}
