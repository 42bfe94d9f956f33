import { scoreInClientWords } from '@throughline/clinical';
import {
  CHANGE_CATEGORY_WORDS,
  type EndingSummary,
  outcomeWords,
  type PaperSize,
} from '@throughline/contracts';
import { DateTime } from 'luxon';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { bullets, clientDocument, heading, paragraphs, renderPdf, table } from './typeset';

const day = (iso: string): string =>
  DateTime.fromISO(iso).setLocale('en-GB').toFormat('d LLLL yyyy');
const instant = (at: Date): string =>
  DateTime.fromJSDate(at, { zone: 'UTC' }).setLocale('en-GB').toFormat('d LLLL yyyy');

function scoresTable(summary: EndingSummary): Content {
  const rows = summary.facts.scores.map((s) => [
    s.title,
    `${scoreInClientWords(s.first.score, s.first.band)}\n${instant(s.first.at)}`,
    `${scoreInClientWords(s.last.score, s.last.band)}\n${instant(s.last.at)}`,
    s.category ? CHANGE_CATEGORY_WORDS[s.category] : 'Only one score',
  ]);
  if (rows.length === 0) return { text: 'No questionnaires were completed.', margin: [0, 0, 0, 6] };
  return table(['Questionnaire', 'First', 'Last', 'Change'], rows, ['*', 'auto', 'auto', 'auto']);
}

function plan(summary: EndingSummary): Content[] {
  const p = summary.words.relapsePrevention;
  const part = (title: string, items: readonly string[]): Content[] =>
    items.length > 0 ? [{ text: title, style: 'subheading' }, bullets(items)] : [];
  const parts = [
    ...part('Early warning signs', p.warningSigns),
    ...part('Triggers', p.triggers),
    ...part('What helps', p.whatHelps),
    ...part('Who to contact', p.whoToContact),
    ...(p.crisisPlan
      ? [{ text: 'In a crisis', style: 'subheading' }, ...paragraphs(p.crisisPlan)]
      : []),
  ];
  return parts.length > 0 ? parts : [{ text: 'No plan was written.', margin: [0, 0, 0, 6] }];
}

/** The document: the practice's name at the top of every page, headings, page numbers. */
export function endingSummaryDocument(
  summary: EndingSummary,
  paper: PaperSize,
): TDocumentDefinitions {
  const f = summary.facts;
  const dates = f.lastSessionOn
    ? `${day(f.startedOn)} to ${day(f.lastSessionOn)}`
    : `Since ${day(f.startedOn)}`;
  const sessions = f.attendedSessions === 1 ? '1 session' : `${f.attendedSessions} sessions`;
  return clientDocument({
    title: `Ending summary — ${summary.client.name}`,
    author: summary.therapistName,
    practiceName: summary.practiceName,
    paper,
    content: [
      { text: 'Ending summary', style: 'title' },
      { text: `For ${summary.client.name} · ${dates} · ${sessions}`, style: 'lead' },
      ...paragraphs(summary.words.greeting),
      heading('How it went'),
      ...paragraphs(summary.words.progress),
      heading('Your goals'),
      bullets(
        f.goals.map(
          (g) =>
            `${g.clientWords} — ${g.attainment ? g.attainment.words : 'not reviewed together'}`,
        ),
      ),
      heading('Questionnaires'),
      scoresTable(summary),
      { text: `Outcome: ${outcomeWords(f.outcome)}`, margin: [0, 0, 0, 6] },
      heading('What helped'),
      bullets(summary.words.whatHelped),
      heading('Your plan for keeping well'),
      ...plan(summary),
      heading('Coming back'),
      ...paragraphs(summary.words.howToReturn),
      ...paragraphs(summary.words.closing),
    ],
  });
}

/** Renders the summary as a PDF (pdfmake over pdfkit; fonts embedded). */
export function renderEndingSummaryPdf(summary: EndingSummary, paper: PaperSize): Promise<Buffer> {
  return renderPdf(endingSummaryDocument(summary, paper));
}
