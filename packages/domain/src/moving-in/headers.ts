import type { ImportColumn, ImportField } from '@throughline/contracts';

/**
 * The column headers practice systems write in their client exports and import templates, by the
 * field each fills in. Compared after `headerKey` (case, spaces, punctuation ignored), so
 * "First Name", "first_name" and "FirstName" are one header. Sources: SimplePractice's client
 * template ("Legal first name", "What name do they go by?"), TherapyNotes and Therabill patient
 * lists, Jane's patient list ("Prefers to be called"), Power Diary/Zanda client exports, and
 * Cliniko's patient fields (first_name, last_name, date_of_birth, time_zone, address_1…).
 * docs/moving-in.md lists them for people.
 */
export const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  fullName: ['name', 'full name', 'client', 'client name', 'patient', 'patient name', 'label'],
  firstName: [
    'first name',
    'first',
    'given name',
    'forename',
    'legal first name',
    'client first name',
    'patient first name',
    'fname',
  ],
  middleName: ['middle name', 'middle', 'middle initial'],
  lastName: [
    'last name',
    'last',
    'surname',
    'family name',
    'legal last name',
    'client last name',
    'patient last name',
    'lname',
  ],
  preferredName: [
    'preferred name',
    'preferred first name',
    'what name do they go by',
    'name they go by',
    'goes by',
    'prefers to be called',
    'known as',
    'nickname',
  ],
  pronouns: ['pronouns', 'pronoun', 'preferred pronouns', 'personal pronouns'],
  email: [
    'email', // also E-mail, e_mail
    'email address',
    'primary email',
    'client email',
    'patient email',
    'email 1',
  ],
  dateOfBirth: ['date of birth', 'dob', 'birth date', 'birthday', 'born'],
  phone: [
    'phone',
    'phone number',
    'mobile',
    'mobile phone',
    'mobile number',
    'cell',
    'cell phone',
    'home phone',
    'primary phone',
    'telephone',
    'phone 1',
  ],
  timeZone: ['time zone'], // also timezone, time_zone
  emergencyContactName: ['emergency contact name', 'emergency contact', 'emergency name'],
  emergencyContactPhone: ['emergency contact phone', 'emergency phone', 'emergency contact number'],
  emergencyContactRelationship: [
    'emergency contact relationship',
    'emergency relationship',
    'emergency contact relation',
  ],
  pastSessions: [
    'past sessions',
    'past appointments',
    'appointments',
    'sessions',
    'appointment dates',
    'session dates',
  ],
  // Recognised so the preview can say it is not kept (Throughline keeps no postal address).
  address: [
    'address',
    'address 1',
    'address 2',
    'address 3',
    'address line 1',
    'address line 2',
    'street',
    'street address',
    'city',
    'town',
    'suburb',
    'state',
    'province',
    'region',
    'zip',
    'zip code',
    'postcode',
    'postal code',
    'country',
  ],
};

/** A header reduced to what identifies it: lower case letters and digits only. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const FIELD_OF: ReadonlyMap<string, ImportField> = new Map(
  (Object.entries(HEADER_SYNONYMS) as [ImportField, readonly string[]][]).flatMap(
    ([field, names]) => names.map((name) => [headerKey(name), field] as const),
  ),
);

/** The field a header fills in, or null when Throughline does not import that column. */
export function fieldOfHeader(header: string): ImportField | null {
  return FIELD_OF.get(headerKey(header)) ?? null;
}

/** Each column with its field; a field named twice is taken from its first column only. */
export function mapColumns(headers: readonly string[]): ImportColumn[] {
  const seen = new Set<ImportField>();
  return headers.map((header) => {
    const field = fieldOfHeader(header);
    if (field === null || (field !== 'address' && seen.has(field))) return { header, field: null };
    seen.add(field);
    return { header, field };
  });
}
