/**
 * Every text and JSON column of the schema, labelled (issue 7 item 7): `encrypted` with the
 * practice data key (crypto/field-encryption, AES-256-GCM, associated data = practice + field +
 * row), or `plaintext` with the reason it must or may stay readable by the database.
 *
 * A new text, varchar or json/jsonb column needs an entry here before the test
 * `column-labels.test.ts` passes; docs/security.md "Encryption at rest" is checked against it.
 * Keys are the SQL names (table → column), as they appear in a dump or a backup.
 */
export type ColumnLabel = {
  label: 'encrypted' | 'plaintext';
  /** Why: what the value is, and (for plaintext) why the database must read it. */
  reason: string;
};

const encrypted = (reason: string): ColumnLabel => ({ label: 'encrypted', reason });
const plaintext = (reason: string): ColumnLabel => ({ label: 'plaintext', reason });

const CODE = 'enum-like code from a fixed list';
const RULE = 'name and version of a published rule (CLINICAL.md), no client data';
const INSTRUMENT = 'instrument key (e.g. phq-9): filters and joins by instrument';

export const COLUMN_LABELS: Record<string, Record<string, ColumnLabel>> = {
  practices: {
    name: plaintext('the practice name, shown on sign-in and in e-mails; not about a client'),
    time_zone: plaintext('IANA zone name, used in scheduling queries'),
    wrapped_data_key: plaintext(
      'already sealed by the master key (the key itself is never stored)',
    ),
    wrapped_psychotherapy_key: plaintext('already sealed by the master key'),
    measure_settings: plaintext(
      'practice configuration (instruments switched on, PCL-5 reliable-change value): no client data',
    ),
    contact_settings: plaintext(
      'practice configuration (crisis resources, contact agreement defaults): no client data',
    ),
  },
  users: {
    email: plaintext(
      'the e-mail used for sign-in: looked up by a unique index before any key is known',
    ),
    username: plaintext(
      'a sign-in name chosen instead of an e-mail: looked up like the e-mail, before any key is known',
    ),
    display_name: plaintext(
      'the name shown to colleagues and in lists; sorted and joined in queries',
    ),
    password_hash: plaintext('argon2id hash, not reversible'),
    totp_secret: encrypted('two-factor secret'),
  },
  sessions: {
    token_hash: plaintext('SHA-256 of the session cookie: looked up on every request'),
    csrf_token_hash: plaintext('SHA-256 of the CSRF token'),
    pending_totp_secret: encrypted('two-factor secret being enrolled'),
    user_agent: plaintext(
      'browser identification of a session (first 200 characters); no clinical content',
    ),
  },
  api_tokens: {
    name: plaintext('the token owner\'s label for it (e.g. "calendar script"); no client data'),
    token_hash: plaintext('SHA-256 of the token: looked up on every request'),
  },
  invitations: {
    token_hash: plaintext(
      'SHA-256 of the link last sent (null until sent): looked up when it is accepted',
    ),
  },
  password_resets: {
    token_hash: plaintext(
      'SHA-256 of the reset link last sent (null until sent): looked up when it is used',
    ),
  },
  calendar_feeds: {
    token_hash: plaintext('SHA-256 of the feed token: looked up on every feed request'),
  },
  audit_events: {
    actor_role: plaintext(CODE),
    action: plaintext('event code (e.g. note.read): filtered in audit queries'),
    resource_type: plaintext(CODE),
    resource_id: plaintext('a record id (UUID), no content'),
    outcome: plaintext(CODE),
    request_id: plaintext('request correlation id'),
    client_address: plaintext(
      'IP address of the request: hashed into the audit chain, which must verify without keys',
    ),
    user_agent: plaintext('browser identification of the request: hashed into the audit chain'),
    detail: plaintext('non-clinical context only (counts, reason codes); hashed into the chain'),
    prev_hash: plaintext('hash of the previous event (audit chain)'),
    hash: plaintext('hash of this event (audit chain)'),
  },
  audit_chain_heads: {
    last_hash: plaintext('hash at the end of the sealed audit chain'),
  },
  clients: {
    display_name: plaintext(
      "the client's name: sorted in the caseload and shown in every list; the portal login carries it too",
    ),
    email: plaintext(
      'the e-mail of the portal sign-in and of delivery (users.email holds the same)',
    ),
    preferred_name: plaintext('sorted in the caseload (coalesce with the display name)'),
    pronouns: encrypted('pronouns can disclose gender identity; no query needs them'),
    date_of_birth: encrypted(
      'date of birth; no query needs it (a future retention rule can read it per client)',
    ),
    time_zone: plaintext('IANA zone name, used to show sessions in the client’s time'),
    phone: encrypted("client's phone number"),
    emergency_contact_name: encrypted('emergency contact'),
    emergency_contact_phone: encrypted('emergency contact'),
    emergency_contact_relationship: encrypted('emergency contact'),
  },
  episodes: {
    title: encrypted('episode title: free text a therapist may fill with clinical detail'),
  },
  episode_phase_changes: {
    reason: encrypted("reason for a phase change: the therapist's clinical reasoning"),
  },
  episode_endings: {
    kind: plaintext(`${CODE} (the kind of ending): listed and counted by kind`),
    reason: encrypted("why the episode ended: the therapist's clinical reasoning"),
    details: encrypted(
      'the form of the ending (outreach, closure letter, referrals, handover summary): clinical',
    ),
  },
  episode_destructions: {
    erased: plaintext('counts of erased rows per table (retention tombstone): no content'),
  },
  appointment_series: {
    rrule: plaintext('recurrence rule (RFC 5545): expanded by the scheduler'),
    start_local: plaintext('local start date-time of the series, needed to expand it'),
    time_zone: plaintext('IANA zone name of the series'),
  },
  appointments: {
    modality: plaintext(CODE),
    kind: plaintext(`${CODE} (treatment or assessment): outcome counts treatment sessions in SQL`),
    location: encrypted('an address can identify the client (home visits)'),
    cancelled_by: plaintext(CODE),
    cancelled_because: plaintext(`${CODE} (ending-plan): why a session no one cancelled alone was`),
    reminder_job_id: plaintext('id of the queued reminder job'),
  },
  notes: {
    status: plaintext(CODE),
    body: encrypted('session note'),
  },
  note_addenda: {
    body: encrypted('addendum to a signed note'),
  },
  psychotherapy_notes: {
    body: encrypted('psychotherapy note, with the separate psychotherapy key (HIPAA 164.501)'),
  },
  threads: {
    title: encrypted('theme followed across sessions'),
  },
  attachments: {
    file_name: encrypted('a file name can say what the file holds'),
    media_type: plaintext('MIME type from an allow-list, sent as Content-Type'),
    content: encrypted('the uploaded file'),
  },
  homework: {
    title: encrypted('homework set for the client'),
    instructions: encrypted('homework set for the client'),
    link: encrypted('a link can say what the homework is about; no query needs it'),
    status: plaintext(CODE),
    client_comment: encrypted("the client's comment on their homework"),
  },
  measurement_plans: {
    instrument: plaintext(INSTRUMENT),
    schedule: plaintext(CODE),
  },
  practice_instruments: {
    key: plaintext(INSTRUMENT),
    title: plaintext(
      'the title of a questionnaire the practice imported: listed and searched; no client data',
    ),
    definition: plaintext(
      'the imported form (items, answer wording, weights, bands): a published or practice-written questionnaire, not anything about a client; the scorer reads it',
    ),
  },
  measure_tasks: {
    instrument: plaintext(INSTRUMENT),
    status: plaintext(CODE),
    partial_answers: encrypted('answers saved so far'),
  },
  responses: {
    instrument: plaintext(INSTRUMENT),
    instrument_version: plaintext('instrument version'),
    answers: encrypted("the client's answers, item by item"),
    band: plaintext('severity band of the total: scores are needed for charts, outcome and alerts'),
    flags: plaintext('rule flags (e.g. risk-item): read by alert and outcome queries'),
    subscales: plaintext('subscale scores, needed for charts and outcome'),
    result: plaintext('the scoring result without the item scores (which would reveal answers)'),
  },
  check_ins: {
    status: plaintext(CODE),
    instruments: plaintext('instrument keys the check-in asks (e.g. phq-4): no client data'),
    response_ids: plaintext(
      'ids of the responses that hold the scores (their answers are encrypted)',
    ),
    words: encrypted('"How are things?" in the client\'s own words'),
    draft: encrypted(
      "the client's unsent answers and words, saved while they fill the check-in in",
    ),
  },
  aftercare_queue: {
    reasons: plaintext(
      'why the client is in the queue: reason kinds and, for a worsening, the two totals (scores are plaintext in responses too); no free text',
    ),
  },
  alerts: {
    kind: plaintext(CODE),
    severity: plaintext(CODE),
    rule: plaintext(RULE),
    rule_version: plaintext(RULE),
    inputs: encrypted(
      "what the rule saw; for a risk item, the item's text and the client's answer",
    ),
    source: plaintext('citation of the published rule'),
    acknowledgement_note: encrypted("the therapist's note on acknowledging"),
  },
  progress_shares: {
    instrument: plaintext(INSTRUMENT),
  },
  agreements: {
    kind: plaintext(
      `${CODE} (shared-plan, contact-agreement…): one agreement per kind per episode`,
    ),
  },
  agreement_versions: {
    content: encrypted('what is proposed for agreement (JSON, shape per kind)'),
  },
  ending_summaries: {
    content: encrypted(
      "the ending summary written for the client (JSON: the record's facts and the therapist's words)",
    ),
  },
  record_requests: {
    status: plaintext(`${CODE} (pending, released, refused): the copy's download rule reads it`),
    refusal_reason: encrypted("the therapist's reason for refusing a copy, written for the client"),
  },
  agreement_responses: {
    party: plaintext(`${CODE} (therapist or client): which required party answers`),
    response: plaintext(`${CODE} (pending, accepted, declined)`),
  },
  messages: {
    sender_party: plaintext(`${CODE} (therapist or client): unread counts filter by it`),
    body: encrypted('the text of a secure message between client and therapist'),
  },
  goals: {
    client_words: encrypted('goal in the client’s words'),
    therapist_words: encrypted('goal in the therapist’s words'),
    objectives: encrypted('objectives of the goal'),
    gas_levels: encrypted('GAS level descriptions'),
    status: plaintext(CODE),
  },
  treatment_plans: {
    snapshot: encrypted('the shared plan as the client saw it'),
  },
  goal_reviews: {
    rule: plaintext(RULE),
    rule_version: plaintext(RULE),
    note: encrypted('review note'),
  },
  goal_client_ratings: {
    comment: encrypted("the client's comment on their progress"),
  },
  discussion_items: {
    text: encrypted('what to discuss next session'),
    source_kind: plaintext(CODE),
  },
  outbox_messages: {
    to_address: plaintext('recipient address, needed to deliver the e-mail'),
    kind: plaintext(CODE),
    subject: plaintext(
      'subject of a mail without credentials, kept only until it is sent or given up; null for link mail (rendered at send time)',
    ),
    text_body: plaintext(
      'text of a mail without credentials (reminder, notice), kept only until it is sent or given up; never a link',
    ),
    status: plaintext(CODE),
    last_error: plaintext('SMTP error text of the last delivery attempt'),
  },
  consent_documents: {
    kind: plaintext(CODE),
    title: plaintext(
      "the practice's consent form title, the same for every client; no client data",
    ),
    body: plaintext("the practice's consent form text, the same for every client; no client data"),
    shares: plaintext(
      'codes of the record parts a supervision consent shares: read by the access kernel',
    ),
  },
  risk_phrase_lists: {
    languages: plaintext(
      "practice configuration (risk-language phrases and negation words it added, shipped phrases it switched off and why): the practice's words, no client data",
    ),
  },
  consent_signatures: {
    kind: plaintext(CODE),
    signed_name: encrypted('the name the client typed to sign'),
    ended_because: plaintext(CODE),
  },
  readiness_views: {
    party: plaintext(CODE),
    words: encrypted("one side's view of readiness to end, in their own words"),
  },
  boundary_entries: {
    kind: plaintext(CODE),
    assessment: plaintext(CODE),
    content: encrypted(
      "what happened at a boundary and the therapist's reflection, consultation, code clause and follow-up",
    ),
  },
};

/** The labelled columns of one kind, as `table.column`, sorted. */
export function labelledColumns(label: ColumnLabel['label']): string[] {
  return Object.entries(COLUMN_LABELS)
    .flatMap(([table, columns]) =>
      Object.entries(columns)
        .filter(([, l]) => l.label === label)
        .map(([column]) => `${table}.${column}`),
    )
    .sort();
}

export const COLUMN_TABLE_START = '<!-- column-labels:start (generated: npm run docs:columns) -->';
export const COLUMN_TABLE_END = '<!-- column-labels:end -->';

/** The Markdown table of every label, as docs/security.md shows it. */
export function renderColumnTable(): string {
  const rows = Object.entries(COLUMN_LABELS).flatMap(([table, columns]) =>
    Object.entries(columns).map(
      ([column, l]) =>
        `| \`${table}.${column}\` | ${l.label} | ${l.reason.replace(/\|/g, '\\|')} |`,
    ),
  );
  return ['| column | stored | why |', '|---|---|---|', ...rows].join('\n');
}

/** `doc` with the text between the markers replaced by the current table. */
export function withColumnTable(doc: string): string {
  const start = doc.indexOf(COLUMN_TABLE_START);
  const end = doc.indexOf(COLUMN_TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/security.md has no column-labels markers.');
  return `${doc.slice(0, start + COLUMN_TABLE_START.length)}\n${renderColumnTable()}\n${doc.slice(end)}`;
}
