import { createRequire } from 'node:module';
import type { TFontDictionary } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);

/**
 * Roboto as pdfmake ships it (its `build/vfs_fonts.js`, Apache-2.0): TrueType files read from the
 * installed package, never downloaded, embedded (subset) in every PDF so it prints the same
 * everywhere.
 */
let fonts: TFontDictionary | undefined;

export function pdfFonts(): TFontDictionary {
  if (fonts) return fonts;
  const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  const file = (name: string): Buffer => {
    const base64 = vfs[name];
    if (!base64) throw new Error(`pdfmake font ${name} missing`);
    return Buffer.from(base64, 'base64');
  };
  fonts = {
    Roboto: {
      normal: file('Roboto-Regular.ttf'),
      bold: file('Roboto-Medium.ttf'),
      italics: file('Roboto-Italic.ttf'),
      bolditalics: file('Roboto-MediumItalic.ttf'),
    },
  };
  return fonts;
}
