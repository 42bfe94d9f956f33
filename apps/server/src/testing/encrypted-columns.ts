import { labelledColumns } from '@throughline/domain';
import type pg from 'pg';

/** What crypto/field-encryption writes: "v1." + base64url(iv ‖ tag ‖ ciphertext). */
export const SEALED = /^v1\.[\w-]{38,}$/;

export type ColumnScan = {
  /** `table.column` → how many non-null values it holds. */
  counts: Map<string, number>;
  /** One line per value that is not sealed or that contains a marker. */
  problems: string[];
};

/**
 * Reads every value of every column labelled `encrypted` in crypto/column-labels: each must be
 * sealed, and none may contain one of `markers` (plaintext the test wrote or the seed uses).
 */
export async function scanEncryptedColumns(
  pool: pg.Pool,
  markers: readonly string[],
): Promise<ColumnScan> {
  const counts = new Map<string, number>();
  const problems: string[] = [];
  for (const name of labelledColumns('encrypted')) {
    const [table, column] = name.split('.') as [string, string];
    const result = await pool.query<{ v: string }>(
      `SELECT "${column}"::text AS v FROM "${table}" WHERE "${column}" IS NOT NULL`,
    );
    counts.set(name, result.rows.length);
    for (const { v } of result.rows) {
      if (!SEALED.test(v)) problems.push(`${name} holds an unsealed value`);
      for (const marker of markers)
        if (v.includes(marker)) problems.push(`${name} contains "${marker}"`);
    }
  }
  return { counts, problems };
}
