import type { RetentionSettings } from '@throughline/contracts';
import { DateTime } from 'luxon';
import { clientFieldPurpose } from '../clients';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import type { RetentionFacts } from './repository';
import { type RetentionDate, retentionDate } from './retention-date';

/** A calendar date of an instant in the practice's zone. */
export function dayIn(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone });
  return ((local.isValid ? local : DateTime.fromJSDate(instant, { zone: 'UTC' })).toISODate() ??
    '') as string;
}

/** The retention date of one closed episode from its facts (opens the sealed date of birth). */
export async function retentionOfFacts(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  rule: RetentionSettings,
  facts: RetentionFacts,
): Promise<RetentionDate & { lastServiceOn: string }> {
  const dateOfBirth = await keyring.decryptOptional(
    db,
    practiceId,
    facts.sealedDateOfBirth,
    clientFieldPurpose(facts.clientId, 'dateOfBirth'),
  );
  const lastServiceOn = dayIn(facts.lastServiceAt, facts.practiceTimeZone);
  return { ...retentionDate(rule, lastServiceOn, dateOfBirth || null), lastServiceOn };
}
