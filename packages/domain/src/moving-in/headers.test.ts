import { describe, expect, it } from 'vitest';
import { fieldOfHeader, HEADER_SYNONYMS, headerKey, mapColumns } from './headers';

describe('recognised headers', () => {
  it('reads the headers of common exports, whatever their case and punctuation', () => {
    expect(fieldOfHeader('Legal First Name')).toBe('firstName'); // SimplePractice
    expect(fieldOfHeader('first_name')).toBe('firstName'); // Cliniko
    expect(fieldOfHeader('FirstName')).toBe('firstName');
    expect(fieldOfHeader('What name do they go by?')).toBe('preferredName');
    expect(fieldOfHeader('Prefers to be called')).toBe('preferredName'); // Jane
    expect(fieldOfHeader('DOB')).toBe('dateOfBirth');
    expect(fieldOfHeader('date_of_birth')).toBe('dateOfBirth');
    expect(fieldOfHeader('E-mail Address')).toBe('email');
    expect(fieldOfHeader('time_zone')).toBe('timeZone');
    expect(fieldOfHeader('Mobile Phone')).toBe('phone');
    expect(fieldOfHeader('Surname')).toBe('lastName');
    expect(fieldOfHeader(' Pronouns ')).toBe('pronouns');
    expect(fieldOfHeader('address_1')).toBe('address');
    expect(fieldOfHeader('Insurance Member ID')).toBeNull();
  });

  it('gives no two fields the same header', () => {
    const keys = Object.values(HEADER_SYNONYMS).flatMap((names) => names.map(headerKey));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('takes a field from its first column only, and leaves unknown columns out', () => {
    const columns = mapColumns(['Email', 'Primary Email', 'Balance', 'City', 'Country']);
    expect(columns).toEqual([
      { header: 'Email', field: 'email' },
      { header: 'Primary Email', field: null },
      { header: 'Balance', field: null },
      { header: 'City', field: 'address' },
      { header: 'Country', field: 'address' },
    ]);
  });
});
