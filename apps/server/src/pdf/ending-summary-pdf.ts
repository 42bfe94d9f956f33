import { scoreInClientWords } from '@throughline/clinical';
import {
  CHANGE_CATEGORY_WORDS,
  type EndingSummary,
  outcomeWords,
  type PaperSize,
} from '@throughline/contracts';
import { DateTime } from 'luxon';
import PdfPrinter from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfFonts } from './fonts';

const day = (iso: string): string =>
  DateTime.fromISO(iso).setLocale('en-GB').toFormat('d LLLL yyyy');
const instant = (at: Date): string =>
  DateTime.fromJSDate(at, { zone: 'UTC' }).setLocale('en-GB').toFormat('d LLLL yyyy');

const heading = (text: string): Content => ({ text, style: 'heading' });
const paragraphs = (text: string): Content[] =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => ({ text: p, margin: [0, 0, 0, 6] }));
const bullets = (items: readonly string[]): Content =>
  items.length > 0 ? { ul: [...items], margin: [0, 0, 0, 6] } : { text: '—', margin: [0, 0, 0, 6] };

function scoresTable(summary: EndingSummary): Content {
  const rows = summary.facts.scores.map((s) => [
    s.title,
    `${scoreInClientWords(s.first.score, s.first.band)}\n${instant(s.first.at)}`,
    `${scoreInClientWords(s.last.score, s.last.band)}\n${instant(s.last.at)}`,
    s.category ? CHANGE_CATEGORY_WORDS[s.category] : 'Only one score',
  ]);
  if (rows.length === 0) return { text: 'No questionnaires were completed.', margin: [0, 0, 0, 6] };
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto'],
      body: [
        [
          { text: 'Questionnaire', bold: true },
          { text: 'First', bold: true },
          { text: 'Last', bold: true },
          { text: 'Change', bold: true },
        ],
        ...rows,
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
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
  return {
    pageSize: paper === 'letter' ? 'LETTER' : 'A4',
    pageMargins: [56, 64, 56, 56],
    info: {
      title: `Ending summary — ${summary.client.name}`,
      author: summary.therapistName,
      creator: summary.practiceName,
    },
    header: { text: summary.practiceName, style: 'running', margin: [56, 28, 56, 0] },
    footer: (page: number, pages: number) => ({
      text: `Page ${page} of ${pages}`,
      style: 'running',
      alignment: 'center',
      margin: [0, 20, 0, 0],
    }),
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
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.3 },
    styles: {
      title: { fontSize: 22, bold: true, margin: [0, 0, 0, 4] },
      lead: { fontSize: 11, color: '#444444', margin: [0, 0, 0, 14] },
      heading: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
      subheading: { fontSize: 11, bold: true, margin: [0, 4, 0, 2] },
      running: { fontSize: 9, color: '#555555' },
    },
  };
}

/** Renders the summary as a PDF (pdfmake over pdfkit; fonts embedded). */
export function renderEndingSummaryPdf(summary: EndingSummary, paper: PaperSize): Promise<Buffer> {
  const printer = new PdfPrinter(pdfFonts());
  const doc = printer.createPdfKitDocument(endingSummaryDocument(summary, paper));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
