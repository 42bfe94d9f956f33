import { isCalendarDate } from '@throughline/contracts';
import type { Keyring } from '../crypto';
import { isTimeZone } from '../identity';
import { AppError, type FieldIssue } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import type { clients } from './tables';

/** Who to call in an emergency. All three parts are kept together or not at all. */
export type EmergencyContact = { name: string; phone: string; relationship: string };

/**
 * Safe-contact preferences (ETHICS.md: a message or e-mail can endanger a client). They are
 * honoured everywhere the practice contacts the client.
 */
export type SafeContact = {
  /** May the practice e-mail this client at all? */
  mayEmail: boolean;
  /** May an e-mail say more than "you have something new in your portal"? */
  emailMayIncludeDetails: boolean;
  remindersEnabled: boolean;
};

export const DEFAULT_SAFE_CONTACT: SafeContact = {
  mayEmail: true,
  emailMayIncludeDetails: false,
  remindersEnabled: true,
};

/** The client's own details, as a therapist records them. `null` clears a field on update. */
export type ClientDetails = {
  displayName?: string;
  preferredName?: string | null;
  pronouns?: string | null;
  /** YYYY-MM-DD, not in the future. */
  dateOfBirth?: string | null;
  /** IANA name; sessions are shown to the client in this zone. */
  timeZone?: string;
  phone?: string | null;
  emergencyContact?: EmergencyContact | null;
  safeContact?: Partial<SafeContact>;
};

export { isCalendarDate };

/**
 * Checks what a schema cannot: a birth date in the future (by the server's clock) and unknown time
 * zones, for callers that do not come through the HTTP schema (CLI, demo seed). Throws
 * VALIDATION_FAILED naming each bad field.
 */
export function checkClientDetails(details: ClientDetails, now: Date): void {
  const issues: FieldIssue[] = [];
  if (details.dateOfBirth) {
    // "Today" in the earliest time zone on Earth (UTC+14), so a client born today anywhere passes.
    const latestToday = new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
    if (!isCalendarDate(details.dateOfBirth)) {
      issues.push({ path: 'dateOfBirth', message: 'Use a real date written YYYY-MM-DD.' });
    } else if (details.dateOfBirth > latestToday) {
      issues.push({ path: 'dateOfBirth', message: 'A date of birth cannot be in the future.' });
    } else if (details.dateOfBirth < '1900-01-01') {
      issues.push({
        path: 'dateOfBirth',
        message: 'A date of birth before 1900 is not plausible.',
      });
    }
  }
  if (details.timeZone !== undefined && !isTimeZone(details.timeZone)) {
    issues.push({ path: 'timeZone', message: 'Use an IANA time zone such as Europe/London.' });
  }
  const first = issues[0];
  if (first) {
    throw new AppError('VALIDATION_FAILED', `${first.path}: ${first.message}`, issues);
  }
}

export type ClientColumns = Partial<typeof clients.$inferInsert>;

/** The column values for the given details; fields left undefined are not touched. */
export function detailColumns(details: ClientDetails): ClientColumns {
  const contact = details.emergencyContact;
  const safe = details.safeContact ?? {};
  const columns: ClientColumns = {
    displayName: details.displayName,
    preferredName: details.preferredName,
    pronouns: details.pronouns,
    dateOfBirth: details.dateOfBirth,
    timeZone: details.timeZone,
    phone: details.phone,
    ...(contact !== undefined
      ? {
          emergencyContactName: contact?.name ?? null,
          emergencyContactPhone: contact?.phone ?? null,
          emergencyContactRelationship: contact?.relationship ?? null,
        }
      : {}),
    mayEmail: safe.mayEmail,
    emailMayIncludeDetails: safe.emailMayIncludeDetails,
    remindersEnabled: safe.remindersEnabled,
  };
  return Object.fromEntries(
    Object.entries(columns).filter(([, value]) => value !== undefined),
  ) as ClientColumns;
}

/**
 * The client's contact and identity details that are stored encrypted (issue 7): none is queried
 * or sorted by the database, so none needs a plaintext copy. Pronouns can disclose gender identity.
 */
export const SEALED_CLIENT_FIELDS = [
  'pronouns',
  'phone',
  'dateOfBirth',
  'emergencyContactName',
  'emergencyContactPhone',
  'emergencyContactRelationship',
] as const;
export type SealedClientField = (typeof SEALED_CLIENT_FIELDS)[number];

const FIELD_PURPOSE: Record<SealedClientField, string> = {
  pronouns: 'pronouns',
  phone: 'phone',
  dateOfBirth: 'date-of-birth',
  emergencyContactName: 'emergency-contact-name',
  emergencyContactPhone: 'emergency-contact-phone',
  emergencyContactRelationship: 'emergency-contact-relationship',
};

export const clientFieldPurpose = (clientId: string, field: SealedClientField): string =>
  `client.${FIELD_PURPOSE[field]}:${clientId}`;

/** `columns` with every sealed field that is set encrypted for the client's row. */
export async function sealClientColumns(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  clientId: string,
  columns: ClientColumns,
): Promise<ClientColumns> {
  const sealed: ClientColumns = { ...columns };
  for (const field of SEALED_CLIENT_FIELDS) {
    const value = columns[field];
    if (typeof value === 'string') {
      sealed[field] = await keyring.encrypt(
        db,
        practiceId,
        value,
        clientFieldPurpose(clientId, field),
      );
    }
  }
  return sealed;
}

/** The same row with its sealed fields opened. */
export async function openClientFields<
  T extends { practiceId: string; id: string } & Record<SealedClientField, string | null>,
>(db: Executor, keyring: Keyring, row: T): Promise<T> {
  const opened: T = { ...row };
  for (const field of SEALED_CLIENT_FIELDS) {
    opened[field] = (await keyring.decryptOptional(
      db,
      row.practiceId,
      row[field],
      clientFieldPurpose(row.id, field),
    )) as T[SealedClientField];
  }
  return opened;
}
