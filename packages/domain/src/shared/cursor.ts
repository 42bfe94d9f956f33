import { AppError } from './errors';

/** A keyset position in a list: the sort time, the row id and, where a list merges kinds, a seq. */
export type Keyset = { at: Date; id: string; seq?: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeKeyset(position: Keyset): string {
  const parts = [position.at.toISOString(), position.id];
  if (position.seq !== undefined) parts.push(String(position.seq));
  return Buffer.from(parts.join('|')).toString('base64url');
}

function unknownCursor(): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    'The cursor is not one this API returned; start again without it.',
    [{ path: 'cursor', message: 'Unknown cursor.' }],
  );
}

/**
 * Reads a cursor this API issued, every part checked: an id that is not a UUID or a time that is
 * not one `encodeKeyset` writes would otherwise reach PostgreSQL and fail there (a 500).
 */
export function decodeKeyset(
  cursor: string | undefined,
  options: { seq?: boolean } = {},
): Keyset | undefined {
  if (!cursor) return undefined;
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [time = '', id = '', seq] = parts;
  const at = new Date(time);
  const expected = options.seq ? 3 : 2;
  if (
    parts.length !== expected ||
    !ISO.test(time) ||
    Number.isNaN(at.getTime()) ||
    !UUID.test(id) ||
    (options.seq && !/^\d$/.test(seq ?? ''))
  ) {
    throw unknownCursor();
  }
  return options.seq ? { at, id, seq: Number(seq) } : { at, id };
}
