import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';
import { multipartFile } from '../testing/multipart';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;

const sample = (name: string): Buffer =>
  readFileSync(new URL(`../../../../docs/samples/${name}`, import.meta.url));
const hash = (bytes: Buffer, order = ''): string =>
  createHash('sha256').update(bytes).update(`\u0000${order}`).digest('hex');

beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
}, 120_000);
afterAll(async () => h?.close());

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = await h.services.db.execute<{ n: string }>(query);
  return Number(result.rows[0]?.n);
}
const clientCount = () => count(sql`SELECT count(*) AS n FROM clients`);
const userCount = () => count(sql`SELECT count(*) AS n FROM users`);

const send = (caller: Caller, url: string, bytes: Buffer, type = 'text/csv') =>
  caller.request({ method: 'POST', url, payload: bytes, headers: { 'content-type': type } });
const preview = (bytes: Buffer, query = '', caller = therapist) =>
  send(caller, `/api/v1/clients/import/preview${query}`, bytes);
const commit = (bytes: Buffer, query: string, caller = therapist) =>
  send(caller, `/api/v1/clients/import${query}`, bytes);

type Row = {
  row: number;
  name: string | null;
  outcome: string;
  problems: { column: string | null; message: string }[];
};

describe('moving in: preview', () => {
  it('shows what the 50-client sample would create, and writes nothing', async () => {
    const before = await clientCount();
    const response = await preview(sample('clients-import.csv'));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.summary).toEqual({ rows: 50, clients: 50, pastSessions: 52, refused: 0 });
    expect(body.dateOrder).toBe('month-first');
    expect(body.fileHash).toBe(hash(sample('clients-import.csv')));
    expect(body.rows[0]).toMatchObject({
      row: 2,
      name: 'Amara Okafor',
      outcome: 'create',
      pastSessions: 4,
      episode: true,
    });
    expect(body.columns).toContainEqual({ header: 'Address 1', field: 'address' });
    expect(await clientCount()).toBe(before);
  });

  it('accepts the same file as a multipart upload', async () => {
    const upload = multipartFile('clients.csv', 'text/csv', sample('clients-import.csv'));
    const response = await therapist.request({
      method: 'POST',
      url: '/api/v1/clients/import/preview',
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().summary.clients).toBe(50);
  });

  it('names the three bad rows of the sample with errors, each with its column', async () => {
    // Row 38 carries the address of a client already in the therapist's caseload.
    const bytes = withCastClient(sample('clients-import-with-errors.csv'));
    const response = await preview(bytes);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.summary).toEqual({ rows: 50, clients: 47, pastSessions: 48, refused: 3 });
    const refused = (body.rows as Row[]).filter((r) => r.outcome === 'refused');
    expect(refused.map((r) => r.row)).toEqual([11, 24, 38]);
    expect(refused[0]?.problems).toEqual([
      { column: 'Legal First Name', message: 'No name: every client needs one.' },
    ]);
    expect(refused[1]?.problems).toEqual([
      { column: 'Date of Birth', message: '"31/02/1987" is not a real date.' },
    ]);
    expect(refused[2]?.problems).toEqual([
      {
        column: 'Email',
        message: `${await castClientName()} is already your client with this e-mail address.`,
      },
    ]);
  });

  it('refuses an address in use outside the caseload without saying whose it is', async () => {
    // The other therapist's client: not theirs to see, so not named.
    const bytes = withCastClient(sample('clients-import-with-errors.csv'));
    const body = (await preview(bytes, '', otherTherapist)).json();
    const row38 = (body.rows as Row[]).find((r) => r.row === 38);
    expect(row38?.outcome).toBe('refused');
    expect(row38?.problems[0]?.message).toContain('cannot be used for a new account');
    expect(row38?.problems[0]?.message).not.toContain(await castClientName());
  });

  it('refuses duplicates within the file, naming the earlier row', async () => {
    const bytes = Buffer.from(
      [
        'Name,Email,DOB',
        'Ines Duarte,ines@dup.example,1990-01-31',
        'Ines Duarte,ines@dup.example,1991-05-05',
        'Ines  duarte,ines.two@dup.example,1990-01-31',
      ].join('\n'),
    );
    const rows = (await preview(bytes)).json().rows as Row[];
    expect(rows.map((r) => r.outcome)).toEqual(['create', 'refused', 'refused']);
    expect(rows[1]?.problems[0]).toEqual({
      column: 'Email',
      message: 'The same e-mail address as row 2: each client needs their own.',
    });
    expect(rows[2]?.problems[0]).toEqual({
      column: 'DOB',
      message: 'The same name and date of birth as row 2: is this client listed twice?',
    });
  });

  it('refuses ambiguous dates until the order is given', async () => {
    const bytes = Buffer.from('Name,DOB\nLea Moreau,03/04/1990\nTomas Berg,05/06/1985\n');
    const unsure = (await preview(bytes)).json();
    expect(unsure.summary.refused).toBe(2);
    expect(unsure.rows[0].problems[0].message).toContain('could be day/month or month/day');
    const sure = (await preview(bytes, '?dateOrder=day-first')).json();
    expect(sure.summary.refused).toBe(0);
    expect(sure.dateOrder).toBe('day-first');
    expect(sure.fileHash).toBe(hash(bytes, 'day-first'));
  });
});

describe('moving in: malformed files (400/413/415, nothing written)', () => {
  const cases: [string, Buffer, number, RegExp][] = [
    [
      'an unclosed quote',
      Buffer.from('Name,Email\nAda,a@x.example\n"Grace,g@x.example\n'),
      400,
      /row 3/,
    ],
    [
      'a row with an extra column',
      Buffer.from('Name,Email\nAda,a@x.example,extra\n'),
      400,
      /row 2 has a different number of columns/,
    ],
    ['no header row', Buffer.from('Ada Lovelace,ada@x.example\n'), 400, /must name the columns/],
    ['an empty file', Buffer.from(''), 400, /empty/],
    ['Latin-1 bytes', Buffer.from('Name\nJos\xe9 Pe\xf1a\n', 'latin1'), 400, /not UTF-8/],
    [
      'a file over 2 MB',
      Buffer.concat([Buffer.from('Name\n'), Buffer.alloc(2 * 1024 * 1024, 'a')]),
      413,
      /larger than 2 MB/,
    ],
  ];
  for (const [what, bytes, status, detail] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await clientCount();
      for (const response of [
        await preview(bytes),
        await commit(bytes, `?confirm=${hash(bytes)}`),
      ]) {
        expect(response.statusCode).toBe(status);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().detail).toMatch(detail);
      }
      expect(await clientCount()).toBe(before);
    });
  }

  it('refuses a body that is not a file (415)', async () => {
    const response = await therapist.request({
      method: 'POST',
      url: '/api/v1/clients/import/preview',
      payload: { name: 'Ada' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().detail).toContain('multipart/form-data');
  });
});

describe('moving in: commit', () => {
  it('refuses a file with refused rows, naming each, and writes nothing', async () => {
    const bytes = withCastClient(sample('clients-import-with-errors.csv'));
    const [clients, users] = [await clientCount(), await userCount()];
    const response = await commit(bytes, `?confirm=${hash(bytes)}`);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.detail).toContain('3 rows are refused (row 11, row 24, row 38)');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([
      'row 11, Legal First Name',
      'row 24, Date of Birth',
      'row 38, Email',
    ]);
    expect([await clientCount(), await userCount()]).toEqual([clients, users]);
  });

  it('refuses a commit without the preview, or of another file', async () => {
    const bytes = sample('clients-import.csv');
    const unconfirmed = await commit(bytes, '');
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().errors[0].path).toBe('confirm');
    const other = await commit(bytes, `?confirm=${hash(Buffer.from('another file'))}`);
    expect(other.statusCode).toBe(409);
  });

  it('imports nothing when a row is refused between preview and commit (all or nothing)', async () => {
    const bytes = Buffer.from(
      'Name,Email\nOne Person,one@race.example\nTwo Person,two@race.example\n',
    );
    expect((await preview(bytes)).json().summary.refused).toBe(0);
    // Meanwhile, the second address is taken (another therapist adds that client by hand).
    const added = await otherTherapist.request({
      method: 'POST',
      url: '/api/v1/clients',
      payload: { displayName: 'Two Person', email: 'two@race.example', invite: false },
    });
    expect(added.statusCode).toBe(201);
    const before = await clientCount();
    const response = await commit(bytes, `?confirm=${hash(bytes)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('row 3, Email');
    expect(await clientCount()).toBe(before);
    expect(await count(sql`SELECT count(*) AS n FROM users WHERE email = 'one@race.example'`)).toBe(
      0,
    );
  });

  it('imports the 50 clients with their past sessions, uninvited, audited by count', async () => {
    const bytes = sample('clients-import.csv');
    const before = await clientCount();
    const response = await commit(bytes, `?confirm=${hash(bytes)}`);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ clients: 50, episodes: 13, pastSessions: 52, invited: 0 });
    expect(await clientCount()).toBe(before + 50);

    // The caseload shows them, with their details (pronouns, preferred name, zone).
    const list = await therapist.request({ method: 'GET', url: '/api/v1/clients?limit=200' });
    const mateo = (list.json().items as Record<string, unknown>[]).find(
      (c) => c.displayName === 'Mateo Hernández',
    );
    expect(mateo).toMatchObject({
      preferredName: 'Teo',
      pronouns: 'he/him',
      dateOfBirth: '1961-06-08',
      timeZone: 'America/Chicago',
      phone: '(555) 201-1037',
      status: 'invited',
    });
    // Sealed at rest like any client's details.
    const stored = await h.services.db.execute<{ date_of_birth: string }>(
      sql`SELECT date_of_birth FROM clients WHERE email = 'mateo.hernandez@example.org'`,
    );
    expect(stored.rows[0]?.date_of_birth).not.toContain('1961');

    // Not invited: no e-mail, no invitation, no sign-up code.
    expect(
      await count(
        sql`SELECT count(*) AS n FROM outbox_messages WHERE to_address LIKE '%@example.org'`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email LIKE '%@example.org'`,
      ),
    ).toBe(0);

    // Amara's four sessions are attended, in an active episode opened at the first of them.
    const amara = await h.services.db.execute<{
      phase: string;
      opened_at: Date;
      n: string;
      statuses: string;
    }>(
      sql`SELECT e.phase, e.opened_at, count(a.id) AS n, string_agg(DISTINCT a.status::text, ',') AS statuses
          FROM clients c JOIN episodes e ON e.client_id = c.id JOIN appointments a ON a.episode_id = e.id
          WHERE c.email = 'amara.okafor@example.org' GROUP BY e.phase, e.opened_at`,
    );
    expect(amara.rows[0]).toMatchObject({ phase: 'active', n: '4', statuses: 'attended' });
    expect(new Date(amara.rows[0]?.opened_at ?? 0).toISOString()).toBe('2025-03-03T14:00:00.000Z');

    // One import event with counts; no name of any client in any event's detail.
    const events = await h.services.db.execute<{ detail: unknown }>(
      sql`SELECT detail FROM audit_events WHERE action = 'client.import' AND outcome = 'success'`,
    );
    expect(events.rows.at(-1)?.detail).toMatchObject({
      clients: 50,
      episodes: 13,
      pastSessions: 52,
    });
    const details = await h.services.db.execute<{ all: string }>(
      sql`SELECT string_agg(detail::text, ' ') AS all FROM audit_events`,
    );
    expect(details.rows[0]?.all).not.toContain('Okafor');
    expect(
      await count(
        sql`SELECT count(*) AS n FROM audit_events WHERE action = 'client.create' AND detail->>'imported' = 'true'`,
      ),
    ).toBe(50);
  });

  it('refuses the same file again, naming each client who is already there', async () => {
    const rows = (await preview(sample('clients-import.csv'))).json().rows as Row[];
    expect(rows.every((r) => r.outcome === 'refused')).toBe(true);
    expect(rows[0]?.problems[0]?.message).toBe(
      'Amara Okafor is already your client with this e-mail address.',
    );
  });
});

function withCastClient(bytes: Buffer): Buffer {
  return Buffer.from(
    bytes.toString('utf8').replace('sam@demo.throughline.test', h.cast.client.email),
  );
}

async function castClientName(): Promise<string> {
  const result = await h.services.db.execute<{ display_name: string }>(
    sql`SELECT display_name FROM clients WHERE id = ${h.cast.client.clientId}`,
  );
  return result.rows[0]?.display_name ?? '';
}
