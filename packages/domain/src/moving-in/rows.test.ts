import type { ImportColumn } from '@throughline/contracts';
import { describe, expect, it } from 'vitest';
import { mapColumns } from './headers';
import { readRow } from './rows';

const NOW = new Date('2026-06-01T12:00:00Z');
const options = { order: 'month-first' as const, practiceZone: 'America/Chicago', now: NOW };
const columns: ImportColumn[] = mapColumns([
  'First Name',
  'Last Name',
  'Preferred Name',
  'Pronouns',
  'Email',
  'DOB',
  'Phone',
  'Time Zone',
  'Emergency Contact Name',
  'Emergency Contact Phone',
  'Emergency Contact Relationship',
  'Past Appointments',
  'City',
]);
const row = (cells: string[]) => readRow({ row: 7, cells }, columns, options);
const GOOD = [
  'Amara',
  'Okafor',
  'Ama',
  'she/her',
  'Amara.Okafor@Example.org',
  '04/22/1967',
  '(555) 203-1111',
  '',
  'Kwame Okafor',
  '+1 555 300 2000',
  'Partner',
  '2025-03-03 9:00; 2025-03-10 9:00',
  'Portland',
];

describe('reading a row', () => {
  it('reads a full row into the client it describes', () => {
    const candidate = row(GOOD);
    expect(candidate.problems).toEqual([]);
    expect(candidate.details).toEqual({
      displayName: 'Amara Okafor',
      email: 'amara.okafor@example.org',
      preferredName: 'Ama',
      pronouns: 'she/her',
      dateOfBirth: '1967-04-22',
      timeZone: null,
      phone: '(555) 203-1111',
      emergencyContact: { name: 'Kwame Okafor', phone: '+1 555 300 2000', relationship: 'Partner' },
    });
    // 9:00 in the practice's zone (Chicago, CST in March before the 9th: UTC-6; CDT after: UTC-5).
    expect(candidate.sessions.map((d) => d.toISOString())).toEqual([
      '2025-03-03T15:00:00.000Z',
      '2025-03-10T14:00:00.000Z',
    ]);
  });

  it('refuses a row without a name, naming the column', () => {
    const cells = [...GOOD];
    cells[0] = '';
    cells[1] = ' ';
    const candidate = row(cells);
    expect(candidate.name).toBeNull();
    expect(candidate.problems).toEqual([
      { column: 'First Name', message: 'No name: every client needs one.' },
    ]);
  });

  it('names each bad value with its column', () => {
    const cells = [...GOOD];
    cells[4] = 'not-an-email';
    cells[5] = '02/30/1990';
    cells[6] = 'call me';
    cells[7] = 'Eastern Time (US & Canada)';
    cells[10] = '';
    cells[11] = '2025-03-03; 2027-01-01 10:00';
    const columnsNamed = row(cells).problems.map((p) => p.column);
    expect(columnsNamed).toEqual([
      'Email',
      'DOB',
      'Phone',
      'Time Zone',
      null, // the emergency contact as a whole: its relationship is missing
      'Past Appointments',
      'Past Appointments',
    ]);
    const messages = row(cells).problems.map((p) => p.message);
    expect(messages[1]).toBe('"02/30/1990" is not a real date.');
    expect(messages[4]).toContain('the relationship is missing');
    expect(messages[5]).toContain('has no time of day');
    expect(messages[6]).toContain('is not in the past');
  });

  it('refuses a birth date in the future or before 1900', () => {
    const future = [...GOOD];
    future[5] = '2030-01-01';
    expect(row(future).problems[0]?.message).toBe('A date of birth cannot be in the future.');
    const early = [...GOOD];
    early[5] = '1850-01-01';
    expect(row(early).problems[0]?.message).toContain('before 1900');
  });

  it('takes a full-name column when there is one, and the middle name when split', () => {
    const full = readRow(
      { row: 2, cells: ['Noa Ben-David', 'noa@example.org'] },
      mapColumns(['Client Name', 'Email']),
      options,
    );
    expect(full.details?.displayName).toBe('Noa Ben-David');
    const split = readRow(
      { row: 2, cells: ['Mei', 'Ling', 'Chen'] },
      mapColumns(['first_name', 'middle_name', 'last_name']),
      options,
    );
    expect(split.details?.displayName).toBe('Mei Ling Chen');
  });
});
