import {
  type DateOrder,
  email as emailSchema,
  type ImportColumn,
  type ImportField,
  isTimeZone,
  phoneSchema,
} from '@throughline/contracts';
import { wallClockToInstant } from '../appointments';
import { type DateReading, readDate } from './dates';

/** One problem with a row, naming the column of the file it is in (null: the row as a whole). */
export type RowProblem = { column: string | null; message: string };

export type RowDetails = {
  displayName: string;
  email: string | null;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string | null;
  /** Null: the practice's zone. */
  timeZone: string | null;
  phone: string | null;
  emergencyContact: { name: string; phone: string; relationship: string } | null;
};

/** A data row read against the rules, before the caseload is consulted. */
export type Candidate = {
  row: number;
  name: string | null;
  details: RowDetails | null;
  /** Starts of past sessions, in the order written. */
  sessions: Date[];
  problems: RowProblem[];
};

export type RowOptions = { order: DateOrder | null; practiceZone: string; now: Date };

/** Past sessions last 50 minutes unless the file says otherwise (it cannot, yet). */
export const IMPORTED_SESSION_MINUTES = 50;
const LIMITS: Partial<Record<ImportField, number>> = {
  fullName: 200,
  firstName: 100,
  middleName: 100,
  lastName: 100,
  preferredName: 200,
  pronouns: 60,
  emergencyContactName: 200,
  emergencyContactRelationship: 100,
};

function dateProblem(reading: DateReading & { ok: false }, what: string): string {
  switch (reading.reason) {
    case 'ambiguous':
      return `${what} could be day/month or month/day. Choose how dates are written in this file.`;
    case 'not-a-date':
      return `${what} is not a real date.`;
    default:
      return `${what} cannot be read. Write it as YYYY-MM-DD (or DD/MM/YYYY, MM/DD/YYYY).`;
  }
}

/**
 * Reads one data row: the client it describes and every problem that refuses it, each naming its
 * column. Blank cells are absent values. Pure: duplicates and the caseload are checked elsewhere.
 */
export function readRow(
  record: { row: number; cells: string[] },
  columns: readonly ImportColumn[],
  options: RowOptions,
): Candidate {
  const problems: RowProblem[] = [];
  const headerOf = new Map<ImportField, string>();
  const value = new Map<ImportField, string>();
  columns.forEach((column, i) => {
    if (!column.field || column.field === 'address') return;
    headerOf.set(column.field, column.header);
    const cell = (record.cells[i] ?? '').trim();
    if (cell !== '') value.set(column.field, cell);
  });
  const get = (field: ImportField): string | null => value.get(field) ?? null;
  const col = (field: ImportField): string | null => headerOf.get(field) ?? null;
  for (const [field, limit] of Object.entries(LIMITS) as [ImportField, number][]) {
    const text = get(field);
    if (text && text.length > limit) {
      problems.push({ column: col(field), message: `Longer than ${limit} characters.` });
    }
  }

  const joined = [get('firstName'), get('middleName'), get('lastName')].filter(Boolean).join(' ');
  const displayName = get('fullName') ?? (joined === '' ? null : joined);
  if (displayName === null) {
    const column = col('fullName') ?? col('firstName');
    problems.push({ column, message: 'No name: every client needs one.' });
  }

  const emailText = get('email');
  let email: string | null = null;
  if (emailText !== null) {
    const parsed = emailSchema.safeParse(emailText);
    if (parsed.success) email = parsed.data;
    else problems.push({ column: col('email'), message: 'Not an e-mail address.' });
  }

  const dateOfBirth = readBirthDate(get('dateOfBirth'), col('dateOfBirth'), options, problems);

  const phone = readPhone(get('phone'), col('phone'), problems);
  const zoneText = get('timeZone');
  let timeZone: string | null = null;
  if (zoneText !== null) {
    if (isTimeZone(zoneText) && zoneText.length <= 64) timeZone = zoneText;
    else
      problems.push({
        column: col('timeZone'),
        message: 'Not a time zone. Use an IANA name such as America/Chicago, or leave it blank.',
      });
  }

  const contactParts = {
    name: get('emergencyContactName'),
    phone: readPhone(get('emergencyContactPhone'), col('emergencyContactPhone'), problems),
    relationship: get('emergencyContactRelationship'),
  };
  const givenParts = Object.values(contactParts).filter((p) => p !== null).length;
  if (givenParts > 0 && givenParts < 3) {
    const missing = (['name', 'phone', 'relationship'] as const).find(
      (k) => contactParts[k] === null,
    );
    problems.push({
      column: null,
      message: `The emergency contact needs a name, a phone number and a relationship; the ${missing} is missing.`,
    });
  }

  const sessions = readSessions(get('pastSessions'), col('pastSessions'), options, {
    zone: timeZone ?? options.practiceZone,
    problems,
  });

  const details: RowDetails | null =
    displayName === null
      ? null
      : {
          displayName,
          email,
          preferredName: get('preferredName'),
          pronouns: get('pronouns'),
          dateOfBirth,
          timeZone,
          phone,
          emergencyContact:
            givenParts === 3
              ? {
                  name: contactParts.name as string,
                  phone: contactParts.phone as string,
                  relationship: contactParts.relationship as string,
                }
              : null,
        };
  return { row: record.row, name: displayName, details, sessions, problems };
}

function readBirthDate(
  text: string | null,
  column: string | null,
  options: RowOptions,
  problems: RowProblem[],
): string | null {
  if (text === null) return null;
  const reading = readDate(text, options.order);
  if (!reading.ok) {
    problems.push({ column, message: dateProblem(reading, `"${text}"`) });
    return null;
  }
  if (reading.value.time !== null) {
    problems.push({ column, message: 'A date of birth has no time of day.' });
    return null;
  }
  // "Today" in the earliest zone on Earth (UTC+14), as for a client added by hand.
  const latest = new Date(options.now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  const date = reading.value.date;
  if (date > latest) problems.push({ column, message: 'A date of birth cannot be in the future.' });
  else if (date < '1900-01-01')
    problems.push({ column, message: 'A date of birth before 1900 is not plausible.' });
  else return date;
  return null;
}

function readPhone(text: string | null, column: string | null, problems: RowProblem[]) {
  if (text === null) return null;
  const parsed = phoneSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  problems.push({
    column,
    message: 'Not a phone number: use digits, spaces and + ( ) - . only.',
  });
  return null;
}

/** Past sessions: date-times separated by ";" (or "|"), in the client's zone. */
function readSessions(
  text: string | null,
  column: string | null,
  options: RowOptions,
  into: { zone: string; problems: RowProblem[] },
): Date[] {
  if (text === null) return [];
  const starts: Date[] = [];
  const seen = new Set<number>();
  for (const part of text.split(/[;|\n]/)) {
    const written = part.trim();
    if (written === '') continue;
    const reading = readDate(written, options.order);
    if (!reading.ok) {
      into.problems.push({ column, message: dateProblem(reading, `Session "${written}"`) });
      continue;
    }
    const { date, time } = reading.value;
    if (time === null) {
      into.problems.push({
        column,
        message: `Session "${written}" has no time of day; write it as YYYY-MM-DD HH:MM.`,
      });
      continue;
    }
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    const start = wallClockToInstant({ year, month, day, hour, minute }, into.zone);
    if (start.getTime() + IMPORTED_SESSION_MINUTES * 60_000 > options.now.getTime()) {
      into.problems.push({
        column,
        message: `Session "${written}" is not in the past. Only past sessions are imported; book coming ones in the calendar.`,
      });
      continue;
    }
    if (seen.has(start.getTime())) {
      into.problems.push({ column, message: `Session "${written}" is listed twice.` });
      continue;
    }
    seen.add(start.getTime());
    starts.push(start);
  }
  return starts;
}
