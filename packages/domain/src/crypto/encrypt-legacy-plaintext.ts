import type { Database } from '@throughline/db';
import { sql } from 'drizzle-orm';
import { appointmentLocationPurpose } from '../appointments';
import { attachmentFileNamePurpose, homeworkPurpose } from '../carry-forward';
import { clientFieldPurpose } from '../clients';
import { episodeTitlePurpose, phaseReasonPurpose } from '../episodes';
import { alertInputsPurpose } from '../measures';
import { inTransaction } from '../shared/transaction';
import type { Keyring } from './keyring';

/**
 * Columns that versions before issue 7 wrote in plaintext and that are now encrypted. Databases
 * from those versions still hold plaintext there; SQL migrations cannot encrypt (the key is outside
 * the database), so the app runs `encryptLegacyPlaintext` after migrating, at every start.
 * Purposes are called through arrows: the owning modules import the crypto module too, so their
 * exports may not be initialised yet when this list is built.
 */
export const LEGACY_PLAINTEXT_COLUMNS: readonly {
  table: string;
  column: string;
  purpose: (id: string) => string;
}[] = [
  { table: 'alerts', column: 'inputs', purpose: (id) => alertInputsPurpose(id) },
  { table: 'episodes', column: 'title', purpose: (id) => episodeTitlePurpose(id) },
  { table: 'episode_phase_changes', column: 'reason', purpose: (id) => phaseReasonPurpose(id) },
  { table: 'appointments', column: 'location', purpose: (id) => appointmentLocationPurpose(id) },
  { table: 'attachments', column: 'file_name', purpose: (id) => attachmentFileNamePurpose(id) },
  { table: 'clients', column: 'pronouns', purpose: (id) => clientFieldPurpose(id, 'pronouns') },
  { table: 'clients', column: 'phone', purpose: (id) => clientFieldPurpose(id, 'phone') },
  { table: 'homework', column: 'link', purpose: (id) => homeworkPurpose(id, 'link') },
  {
    table: 'clients',
    column: 'date_of_birth',
    purpose: (id) => clientFieldPurpose(id, 'dateOfBirth'),
  },
  {
    table: 'clients',
    column: 'emergency_contact_name',
    purpose: (id) => clientFieldPurpose(id, 'emergencyContactName'),
  },
  {
    table: 'clients',
    column: 'emergency_contact_phone',
    purpose: (id) => clientFieldPurpose(id, 'emergencyContactPhone'),
  },
  {
    table: 'clients',
    column: 'emergency_contact_relationship',
    purpose: (id) => clientFieldPurpose(id, 'emergencyContactRelationship'),
  },
];

/**
 * What a sealed value looks like (crypto/field-encryption: "v1." + base64url of a 12-byte IV, a
 * 16-byte tag and the ciphertext, so at least 38 characters). Anything else is legacy plaintext.
 * A plaintext that happens to have this exact shape would be left alone and then fail to decrypt
 * loudly on read; no value these columns held (titles, reasons, phone numbers, dates, JSON) has it.
 */
const SEALED_SHAPE = '^v1\\.[A-Za-z0-9_-]{38,}$';

const BATCH = 500;

/**
 * Encrypts, in place, every plaintext value left in a column of LEGACY_PLAINTEXT_COLUMNS.
 * Idempotent: sealed values are skipped, so a second run changes nothing. Each batch is its own
 * transaction and only replaces a value that is still the plaintext it read. Returns how many
 * values were encrypted per `table.column` (only columns with any).
 */
export async function encryptLegacyPlaintext(
  db: Database,
  keyring: Keyring,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const target of LEGACY_PLAINTEXT_COLUMNS) {
    const table = sql.identifier(target.table);
    const column = sql.identifier(target.column);
    for (;;) {
      const done = await inTransaction(db, async (tx) => {
        const result = await tx.execute<{ practice_id: string; id: string; value: string }>(sql`
          SELECT practice_id, id, ${column} AS value FROM ${table}
          WHERE ${column} IS NOT NULL AND ${column} !~ ${SEALED_SHAPE}
          ORDER BY practice_id, id LIMIT ${BATCH} FOR UPDATE`);
        for (const row of result.rows) {
          const sealed = await keyring.encrypt(
            tx,
            row.practice_id,
            row.value,
            target.purpose(row.id),
          );
          await tx.execute(sql`
            UPDATE ${table} SET ${column} = ${sealed}
            WHERE practice_id = ${row.practice_id} AND id = ${row.id} AND ${column} = ${row.value}`);
        }
        return result.rows.length;
      });
      if (done > 0) {
        const key = `${target.table}.${target.column}`;
        counts[key] = (counts[key] ?? 0) + done;
      }
      if (done < BATCH) break;
    }
  }
  return counts;
}
