// Loading rows with COPY … FROM STDIN (text format) through pg-copy-streams.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r');
}

function* lines(rows: readonly unknown[][]): Generator<string> {
  const chunk: string[] = [];
  for (const row of rows) {
    chunk.push(`${row.map(copyField).join('\t')}\n`);
    if (chunk.length === 1_000) yield chunk.splice(0).join('');
  }
  if (chunk.length > 0) yield chunk.join('');
}

/** COPYs `rows` (values in `columns` order) into `table` on one connection. */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const target = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines(rows)), target);
}
