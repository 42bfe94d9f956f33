import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportColumn } from '@throughline/contracts';
import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../shared/errors';
import { mapColumns } from './headers';

export type ParsedFile = {
  columns: ImportColumn[];
  /** Data rows, each with its spreadsheet row number (the header is row 1). */
  records: { row: number; cells: string[] }[];
};

const unreadable = (message: string, path = 'file'): AppError =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** What a CSV error means for the person who exported the file, naming the row. */
function explain(error: CsvError): AppError {
  // `records` counts the rows read before the one that failed (header included).
  const row = (error as CsvError & { records?: number }).records ?? 0;
  const at = `row ${row + 1}`;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return unreadable(
        `The file is not valid CSV: a quoted value starting on ${at} is never closed. Check the quotes in that row, or export the file again.`,
        at,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return unreadable(
        `The file is not valid CSV: ${at} has text straight after a closing quote. A quote inside a quoted value must be doubled ("").`,
        at,
      );
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return unreadable(
        `The file is not valid CSV: ${at} has a different number of columns from the header row. Check for a stray comma or a missing one.`,
        at,
      );
    default:
      return unreadable(`The file is not valid CSV (${at}). Export it again as CSV.`, at);
  }
}

/**
 * Reads the bytes of an exported client list: UTF-8 (a byte-order mark is allowed), a header row
 * naming the columns, comma-, semicolon- or tab-separated. Anything else is refused with a
 * problem naming what to fix and, where the parser can tell, the row.
 */
export function parseClientFile(bytes: Buffer): ParsedFile {
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    throw unreadable('The file is empty. Export your client list as CSV and choose that file.');
  }
  if (bytes.length > IMPORT_MAX_BYTES) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files and import each.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable(
      'The file is not UTF-8 text. In your spreadsheet, save it as "CSV UTF-8" and choose it again.',
    );
  }
  if (text.includes('\u0000')) {
    throw unreadable('This is not a CSV file (it holds binary data). Choose the exported CSV.');
  }
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: sniffDelimiter(text),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw explain(error);
    throw error;
  }
  const [header, ...data] = rows;
  if (!header) throw unreadable('The file is empty.');
  const columns = mapColumns(header);
  const named = columns.some((c) => c.field === 'fullName' || c.field === 'firstName');
  if (!named) {
    throw unreadable(
      'The first row must name the columns, and one must hold the name: "First name" and "Last name", or "Name". See the recognised headers in the guide.',
      'row 1',
    );
  }
  if (data.length === 0) throw unreadable('The file has a header row but no clients in it.');
  if (data.length > IMPORT_MAX_ROWS) {
    throw unreadable(
      `The file has ${data.length} clients; at most ${IMPORT_MAX_ROWS} are imported at once. Split it into smaller files.`,
    );
  }
  return { columns, records: data.map((cells, i) => ({ row: i + 2, cells })) };
}

/** The separator of the header line: a comma unless semicolons or tabs clearly are. */
function sniffDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string): number => first.split(c).length - 1;
  const candidates = [',', ';', '\t'].map((c) => [c, count(c)] as const);
  const [best] = [...candidates].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}
