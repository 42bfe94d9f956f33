import { AppError } from '../shared/errors';

/** A page position in the access report: the event's time and its (bigint) audit id. */
export type ReportPosition = { at: Date; id: string };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodePosition(position: ReportPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');
}

/** Reads a cursor this API issued, every part checked before it reaches PostgreSQL. */
export function decodePosition(cursor: string | undefined): ReportPosition | undefined {
  if (!cursor) return undefined;
  const [time = '', id = '', ...rest] = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .split('|');
  const at = new Date(time);
  if (rest.length > 0 || !ISO.test(time) || Number.isNaN(at.getTime()) || !/^\d{1,19}$/.test(id)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The cursor is not one this API returned; start again without it.',
      [{ path: 'cursor', message: 'Unknown cursor.' }],
    );
  }
  return { at, id };
}
