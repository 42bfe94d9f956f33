import { type PaperSize, zoneSuffix } from '@throughline/contracts';
import type {
  RecordCopy,
  RecordCopyEpisode,
  RecordCopyNote,
  RecordCopySession,
} from '@throughline/domain';
import { DateTime } from 'luxon';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  bullets,
  clientDocument,
  heading,
  paragraphs,
  quiet,
  renderPdf,
  subheading,
  table,
} from './typeset';

const PHASE_WORDS: Record<RecordCopyEpisode['phase'], string> = {
  intake: 'Getting started',
  active: 'In therapy',
  ending: 'Ending',
  aftercare: 'Aftercare',
  closed: 'Finished',
};

const STATUS_WORDS: Record<RecordCopySession['status'], string> = {
  scheduled: 'Booked',
  attended: 'Attended',
  cancelled: 'Cancelled',
  'no-show': 'Missed',
};

const MODALITY_WORDS: Record<RecordCopySession['modality'], string> = {
  'in-person': 'In person',
  video: 'Video',
  phone: 'Phone',
};

const GOAL_STATUS_WORDS: Record<string, string> = {
  active: 'Working on it',
  achieved: 'Achieved',
  discontinued: 'Set aside',
};

/** Day and time in the client's zone, the zone named: "Tue 3 Mar 2026, 10:00 London time". */
function makeClock(zone: string) {
  const at = (d: Date) => DateTime.fromJSDate(d, { zone }).setLocale('en-GB');
  return {
    day: (d: Date): string => at(d).toFormat('d LLLL yyyy'),
    time: (d: Date): string => `${at(d).toFormat('ccc d LLL yyyy, HH:mm')} ${zoneSuffix(zone)}`,
    shortDay: (d: Date): string => at(d).toFormat('d LLL yyyy'),
  };
}
type Clock = ReturnType<typeof makeClock>;

function sessionsPart(e: RecordCopyEpisode, clock: Clock): Content[] {
  if (e.sessions.length === 0) return [quiet('No sessions were booked.')];
  const rows = e.sessions.map((s) => [
    clock.time(s.startsAt),
    MODALITY_WORDS[s.modality],
    s.status === 'cancelled' && s.cancelledBy
      ? `Cancelled by ${s.cancelledBy === 'client' ? 'you' : 'your therapist'}`
      : STATUS_WORDS[s.status],
  ]);
  return [table(['When', 'How', 'What happened'], rows, ['*', 'auto', 'auto'])];
}

function goalsPart(e: RecordCopyEpisode, clock: Clock): Content[] {
  if (e.goals.length === 0) return [quiet('No goals were written down together.')];
  return e.goals.flatMap((g): Content[] => [
    { text: g.words, bold: true, margin: [0, 4, 0, 2] },
    bullets([
      `Status: ${GOAL_STATUS_WORDS[g.status] ?? g.status}`,
      g.review
        ? `Your therapist's latest review (${clock.day(g.review.at)}): ${g.review.words}`
        : 'Not reviewed yet',
      ...(g.ownRating
        ? [
            `Your own rating (${clock.day(g.ownRating.at)}): ${g.ownRating.words}${g.ownRating.comment ? ` — “${g.ownRating.comment}”` : ''}`,
          ]
        : []),
    ]),
  ]);
}

function scoresPart(e: RecordCopyEpisode, clock: Clock): Content[] {
  if (e.scores.length === 0) return [quiet('No questionnaires were completed.')];
  return e.scores.flatMap((s): Content[] => [
    subheading(s.title),
    table(
      ['Date', 'Score', 'Range'],
      s.points.map((p) => [clock.shortDay(p.at), String(p.total), p.band ?? '—']),
      ['auto', 'auto', '*'],
    ),
  ]);
}

function notePart(n: RecordCopyNote, clock: Clock): Content[] {
  const when = n.sessionAt
    ? `session of ${clock.time(n.sessionAt)}`
    : `signed ${clock.time(n.signedAt)}`;
  return [
    subheading(`${n.kind}, ${when}`),
    ...n.sections.flatMap((s): Content[] => [
      { text: s.label, italics: true, margin: [0, 2, 0, 0] },
      ...paragraphs(s.text),
    ]),
    ...n.addenda.flatMap((a): Content[] => [
      { text: `Added on ${clock.time(a.at)}`, italics: true, margin: [0, 2, 0, 0] },
      ...paragraphs(a.text),
    ]),
  ];
}

function messagesPart(e: RecordCopyEpisode, clock: Clock): Content[] {
  if (e.messages.length === 0) return [quiet('No messages.')];
  return e.messages.flatMap((m): Content[] => [
    { text: `${m.senderName}, ${clock.time(m.sentAt)}`, bold: true, margin: [0, 4, 0, 0] },
    ...paragraphs(m.body),
  ]);
}

function endingPart(e: RecordCopyEpisode): Content[] {
  const s = e.endingSummary;
  if (!s) return [];
  return [
    subheading('Ending summary'),
    ...paragraphs(s.greeting),
    ...paragraphs(s.progress),
    ...(s.whatHelped.length > 0
      ? [{ text: 'What helped', italics: true }, bullets(s.whatHelped)]
      : []),
    ...paragraphs(s.howToReturn),
    ...paragraphs(s.closing),
  ];
}

function episodePart(e: RecordCopyEpisode, clock: Clock): Content[] {
  const dates = e.closedAt
    ? `${clock.day(e.openedAt)} to ${clock.day(e.closedAt)}`
    : `Since ${clock.day(e.openedAt)}`;
  return [
    { text: e.title, style: 'heading', pageBreak: 'before' },
    {
      text: `${dates} · with ${e.therapistName} · ${PHASE_WORDS[e.phase]}${e.isReturn ? ' · you came back after an earlier course' : ''}`,
      style: 'lead',
    },
    subheading('Sessions'),
    ...sessionsPart(e, clock),
    subheading('Your plan and goals'),
    ...goalsPart(e, clock),
    subheading('Questionnaires over time'),
    ...scoresPart(e, clock),
    subheading('Session notes'),
    ...(e.notes.length > 0
      ? e.notes.flatMap((n) => notePart(n, clock))
      : [quiet('No signed session notes.')]),
    subheading('Messages'),
    ...messagesPart(e, clock),
    ...endingPart(e),
  ];
}

/** The client's copy of their record as a readable document (issue 12). */
export function recordCopyDocument(copy: RecordCopy, paper: PaperSize): TDocumentDefinitions {
  const clock = makeClock(copy.timeZone);
  const who = copy.client.pronouns
    ? `${copy.client.name} (${copy.client.pronouns})`
    : copy.client.name;
  const consents = copy.consents.map(
    (c) =>
      `${c.title} (version ${c.version}), signed ${clock.day(c.signedAt)}${
        c.endedAt
          ? c.endedBecause === 'withdrawn'
            ? `, withdrawn ${clock.day(c.endedAt)}`
            : `, replaced by a newer version ${clock.day(c.endedAt)}`
          : ''
      }`,
  );
  return clientDocument({
    title: `Your record — ${copy.client.name}`,
    practiceName: copy.practiceName,
    paper,
    content: [
      { text: 'Your record', style: 'title' },
      { text: `For ${who} · made on ${clock.time(copy.generatedAt)}`, style: 'lead' },
      ...paragraphs(
        `This is your copy of the record ${copy.practiceName} keeps about you: your courses of therapy, sessions, goals, questionnaires, signed session notes, messages, the consents you signed and any ending summary. Times are shown in ${zoneSuffix(copy.timeZone)}.\n\nA therapist's private process notes (psychotherapy notes) are kept apart from your record and are not part of this copy. If anything here looks wrong, you can ask your therapist to correct it.`,
      ),
      heading('Consents you signed'),
      consents.length > 0 ? bullets(consents) : quiet('No consents signed.'),
      heading('Courses of therapy'),
      copy.episodes.length > 0
        ? bullets(
            copy.episodes.map(
              (e) =>
                `${e.title}: ${e.closedAt ? `${clock.day(e.openedAt)} to ${clock.day(e.closedAt)}` : `since ${clock.day(e.openedAt)}`}, ${e.sessions.filter((s) => s.status === 'attended').length} sessions attended`,
            ),
          )
        : quiet('No courses of therapy yet.'),
      ...copy.episodes.flatMap((e) => episodePart(e, clock)),
    ],
  });
}

export function renderRecordCopyPdf(copy: RecordCopy, paper: PaperSize): Promise<Buffer> {
  return renderPdf(recordCopyDocument(copy, paper));
}
