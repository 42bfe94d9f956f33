import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { parseClientFile } from './parse-file';

function refusal(text: string | Buffer): AppError {
  try {
    parseClientFile(Buffer.isBuffer(text) ? text : Buffer.from(text));
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('reading the file', () => {
  it('reads the 50-client sample, numbering rows as a spreadsheet does', () => {
    const bytes = readFileSync(
      new URL('../../../../docs/samples/clients-import.csv', import.meta.url),
    );
    const file = parseClientFile(bytes);
    expect(file.records).toHaveLength(50);
    expect(file.records[0]?.row).toBe(2);
    expect(file.columns.filter((c) => c.field === null)).toEqual([]);
  });

  it('reads semicolon-separated files with a byte-order mark', () => {
    const file = parseClientFile(Buffer.from('\uFEFFFirst name;Last name\nAda;Lovelace\n'));
    expect(file.columns.map((c) => c.field)).toEqual(['firstName', 'lastName']);
    expect(file.records).toEqual([{ row: 2, cells: ['Ada', 'Lovelace'] }]);
  });

  it('names the row of an unclosed quote', () => {
    const error = refusal(
      'Name,Email\nAda,ada@example.org\n"Grace,grace@example.org\nAlan,alan@example.org\n',
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('row 3');
    expect(error.issues?.[0]?.path).toBe('row 3');
  });

  it('names a row with too many columns', () => {
    const error = refusal('Name,Email\nAda,ada@example.org\nGrace,grace@example.org,extra\n');
    expect(error.message).toContain('row 3 has a different number of columns');
  });

  it('refuses an empty file, a file without a name header, one with no rows, and non-UTF-8', () => {
    expect(refusal('').message).toContain('empty');
    expect(refusal('Ada,Lovelace,ada@example.org\n').message).toContain('must name the columns');
    expect(refusal('First name,Last name\n').message).toContain('no clients');
    expect(
      refusal(Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4a, 0xf6, 0x72, 0x67])).message,
    ).toContain('UTF-8');
  });

  it('refuses a file over the size limit', () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 'a');
    expect(refusal(big).code).toBe('FILE_TOO_LARGE');
  });
});
