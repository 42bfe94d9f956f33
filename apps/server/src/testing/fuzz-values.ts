import fc from 'fast-check';

/**
 * The strings of the API fuzz test: ordinary values by field (recurrence rules, cursors, local
 * times, time zones, instrument keys, ids of real records) and hostile ones (NUL bytes, over-long
 * and odd Unicode strings, rules that never match, cursors this API never issued).
 */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** Real ids for a field or path parameter name (`appointmentId`, `episodes`), or any id. */
export type IdSource = (name: string) => string[];

export const INSTRUMENT_KEYS = [
  'phq-9',
  'gad-7',
  'phq-4',
  'who-5',
  'core-10',
  'k10',
  'pcl-5',
  'session-feedback',
];

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\ud800',
  'x\udfffy',
  '\u202egnp.exe',
  '\ufeff\u200b',
  'e\u0301'.repeat(50),
  '🙂'.repeat(300),
  "'; DROP TABLE clients; --",
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '$\u007Bjndi:ldap://x}',
  '1e309',
  'NaN',
  'null',
  '__proto__',
  '\n\r\t',
];

/** A NUL byte somewhere in an otherwise ordinary string. */
const withNul = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(base, fc.nat())
    .map(([s, i]) => `${s.slice(0, i % (s.length + 1))}\u0000${s.slice(i % (s.length + 1))}`);

/** A string the field would accept but for one thing: NUL inside a valid value weighs most. */
export function hostileString(
  schema: JsonSchema,
  name: string,
  ids: IdSource,
): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  return fc.oneof(
    { weight: 4, arbitrary: withNul(validString(schema, name, ids)) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(max + 1)) },
    { weight: 1, arbitrary: fc.constant('é'.repeat(100_000)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );
}

const LOCAL_TIMES = [
  '2026-02-30T10:00',
  '0000-01-01T00:00',
  '9999-12-31T23:59',
  '2026-13-01T25:61',
  '2026-03-29T01:30', // inside the London spring-forward gap
  '2026-10-25T01:30', // ambiguous at the London fall-back
];

const PATHOLOGICAL_RULES = [
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=1',
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=DAILY;BYYEARDAY=1;BYMONTH=2;COUNT=1',
  'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29;COUNT=3',
  'FREQ=WEEKLY;BYSETPOS=366;COUNT=5',
  'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6,9,11;UNTIL=99991231',
  'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=1;BYDAY=MO;COUNT=200',
  'FREQ=DAILY;COUNT=9999',
  'FREQ=DAILY;UNTIL=99991231',
  'FREQ=DAILY;INTERVAL=99;COUNT=260',
  'FREQ=SECONDLY',
  'FREQ=WEEKLY;DTSTART=20260101T100000',
  'RRULE:FREQ=WEEKLY;BYDAY=TU;;COUNT=4',
];

const part = (key: string, values: fc.Arbitrary<string>) =>
  fc.option(
    values.map((v) => `${key}=${v}`),
    { nil: undefined },
  );

/** Rules assembled from the supported parts, many of which never match. */
const generatedRule: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    part('INTERVAL', fc.integer({ min: 1, max: 99 }).map(String)),
    part('COUNT', fc.integer({ min: 1, max: 300 }).map(String)),
    part('BYMONTH', fc.integer({ min: 1, max: 12 }).map(String)),
    part('BYMONTHDAY', fc.integer({ min: -31, max: 31 }).filter(Boolean).map(String)),
    part('BYYEARDAY', fc.integer({ min: 1, max: 366 }).map(String)),
    part('BYWEEKNO', fc.integer({ min: 1, max: 53 }).map(String)),
    part('BYSETPOS', fc.integer({ min: 1, max: 366 }).map(String)),
    part('BYDAY', fc.constantFrom('MO', 'TU,TH', '5FR', '-1SU', '53MO')),
  )
  .map(([freq, ...parts]) => [`FREQ=${freq}`, ...parts.filter(Boolean)].join(';'));

const rrule: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('FREQ=WEEKLY;BYDAY=TU;COUNT=6', 'FREQ=WEEKLY;INTERVAL=2;COUNT=4'),
  fc.constantFrom(...PATHOLOGICAL_RULES),
  generatedRule,
);

const base64url = (text: string): string => Buffer.from(text).toString('base64url');

/** Cursors this API never issued: wrong id parts, odd times, garbage. */
const cursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    base64url('2026-03-01T12:00:00.000Z|not-a-uuid'),
    base64url('2026-03-01T12:00:00.000Z|------------------------------------'),
    base64url('2026-03-01T12:00:00.000Z|00000000-0000-0000-0000-000000000000|9'),
    base64url('+275760-09-13T00:00:00.000Z|00000000-0000-0000-0000-000000000000'),
    base64url('0000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000'),
    base64url('\u0000|\u0000'),
    'bm9wZQ',
    '%00',
  ),
  fc
    .tuple(fc.date({ noInvalidDate: true }), fc.string({ maxLength: 40 }))
    .map(([d, id]) => base64url(`${d.toISOString()}|${id}`)),
  fc.string({ unit: 'binary', maxLength: 60 }).map(base64url),
);

const localDateTime = fc
  .date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 16));

const timeZone = fc.constantFrom('Europe/London', 'America/New_York', 'UTC', 'Mars/Olympus', 'x');

export function validString(schema: JsonSchema, name: string, ids: IdSource): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  if (name === 'rrule') return rrule;
  if (name === 'cursor') return cursor;
  if (name === 'timeZone') return timeZone;
  if (name === 'instrument' || name === 'instruments' || name === 'key') {
    return fc.constantFrom(...INSTRUMENT_KEYS);
  }
  if (schema.format === 'uuid') {
    const pool = ids(name);
    return pool.length > 0 ? fc.oneof(fc.constantFrom(...pool), fc.uuid()) : fc.uuid();
  }
  if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length <= 254);
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (schema.description?.includes('YYYY-MM-DD')) {
    return fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$') {
    return fc.oneof(localDateTime, fc.constantFrom(...LOCAL_TIMES));
  }
  // Room for a fixed-length pattern such as a SHA-256 hex digest (64 characters).
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 80 });
  return fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 60, 60),
  });
}
