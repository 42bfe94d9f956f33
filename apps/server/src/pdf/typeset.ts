import type { PaperSize } from '@throughline/contracts';
import PdfPrinter from 'pdfmake';
import type { Content, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfFonts } from './fonts';

/**
 * The typesetting every PDF for a client shares (the ending summary, the copy of the record):
 * Roboto embedded, the practice's name at the top of every page, page numbers, A4 or Letter.
 */
export const heading = (text: string): Content => ({ text, style: 'heading' });
export const subheading = (text: string): Content => ({ text, style: 'subheading' });

export const paragraphs = (text: string): Content[] =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => ({ text: p, margin: [0, 0, 0, 6] }));

export const bullets = (items: readonly string[]): Content =>
  items.length > 0 ? { ul: [...items], margin: [0, 0, 0, 6] } : { text: '—', margin: [0, 0, 0, 6] };

export const quiet = (text: string): Content => ({ text, style: 'quiet', margin: [0, 0, 0, 6] });

/** A table with a bold header row and light lines, the columns sized to their content. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly (string | number)[],
): Content {
  return {
    table: {
      headerRows: 1,
      widths: [...widths],
      body: [header.map((text) => ({ text, bold: true })), ...rows.map((r) => [...r])],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

const STYLES: StyleDictionary = {
  title: { fontSize: 22, bold: true, margin: [0, 0, 0, 4] },
  lead: { fontSize: 11, color: '#444444', margin: [0, 0, 0, 14] },
  heading: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
  subheading: { fontSize: 11, bold: true, margin: [0, 4, 0, 2] },
  quiet: { color: '#555555' },
  running: { fontSize: 9, color: '#555555' },
};

/** A document for a client: the practice's name on every page, page numbers, the house styles. */
export function clientDocument(input: {
  title: string;
  practiceName: string;
  author?: string;
  paper: PaperSize;
  content: Content[];
}): TDocumentDefinitions {
  return {
    pageSize: input.paper === 'letter' ? 'LETTER' : 'A4',
    pageMargins: [56, 64, 56, 56],
    info: {
      title: input.title,
      ...(input.author ? { author: input.author } : {}),
      creator: input.practiceName,
    },
    header: { text: input.practiceName, style: 'running', margin: [56, 28, 56, 0] },
    footer: (page: number, pages: number) => ({
      text: `Page ${page} of ${pages}`,
      style: 'running',
      alignment: 'center',
      margin: [0, 20, 0, 0],
    }),
    content: input.content,
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.3 },
    styles: STYLES,
  };
}

/** Renders a document (pdfmake over pdfkit; fonts embedded, subset). */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const printer = new PdfPrinter(pdfFonts());
  const doc = printer.createPdfKitDocument(definition);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
