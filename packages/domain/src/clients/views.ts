import type { Client } from '@throughline/contracts';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { openClientFields } from './details';
import type { ClientRow } from './repository';

export type ClientView = Client;

/** The caller's view of a client, its sealed details opened. */
export async function openClient(
  db: Executor,
  keyring: Keyring,
  row: ClientRow,
): Promise<ClientView> {
  return toClientView(await openClientFields(db, keyring, row));
}

/** Expects a row whose sealed fields are already opened. */
function toClientView(row: ClientRow): ClientView {
  const hasEmergencyContact =
    row.emergencyContactName !== null ||
    row.emergencyContactPhone !== null ||
    row.emergencyContactRelationship !== null;
  return {
    id: row.id,
    displayName: row.displayName,
    preferredName: row.preferredName,
    pronouns: row.pronouns,
    dateOfBirth: row.dateOfBirth,
    timeZone: row.timeZone,
    email: row.email,
    phone: row.phone,
    emergencyContact: hasEmergencyContact
      ? {
          name: row.emergencyContactName ?? '',
          phone: row.emergencyContactPhone ?? '',
          relationship: row.emergencyContactRelationship ?? '',
        }
      : null,
    safeContact: {
      mayEmail: row.mayEmail,
      emailMayIncludeDetails: row.emailMayIncludeDetails,
      remindersEnabled: row.remindersEnabled,
    },
    status: row.accepted ? 'active' : 'invited',
    therapistId: row.therapistId,
    therapistName: row.therapistName,
    createdAt: row.createdAt,
  };
}
