import type { Questionnaire } from '@medplum/fhirtypes';
import type { ImportInstrumentInput } from '@throughline/domain';

const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const OFTEN = ['Not at all', 'Rarely', 'Sometimes', 'Often', 'Nearly every day'];

/**
 * A short music-therapy scale written for Throughline's demo practice (not a validated measure and
 * not a copy of any published one; same licence as the project). Six statements about how music
 * served the client in the last two weeks, rated 0–4; item 5 is worded the other way round, so its
 * weights run backwards and it imports as reverse-scored. Higher is better.
 */
export const MUSIC_IN_DAILY_LIFE: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  url: 'https://throughline.example/fhir/demo/Questionnaire/music-in-daily-life',
  version: '1.0',
  name: 'MusicInDailyLife',
  title: 'Music in Daily Life check',
  publisher: 'Throughline demo practice',
  copyright: 'Written for the Throughline demo practice; free to use under the project licence.',
  description: 'Thinking about the last two weeks, how often was each of these true for you?',
  item: [
    'I used music to help me calm down when I felt tense',
    'I listened to or made music that lifted my mood',
    'Music helped me express something I found hard to put into words',
    'I felt connected to other people through music',
    'I kept away from music because it stirred up feelings I did not want',
    'I looked forward to making or listening to music',
  ].map((text, i) => ({
    linkId: `mdl-${i + 1}`,
    text,
    type: 'choice' as const,
    required: true,
    answerOption: OFTEN.map((display, value) => ({
      valueCoding: {
        system: 'https://throughline.example/fhir/demo/CodeSystem/how-often',
        code: String(value),
        display,
        // Item 5 is a problem statement on a wellbeing scale: its weights run 4…0.
        extension: [{ url: ORDINAL, valueDecimal: i === 4 ? 4 - value : value }],
      },
    })),
  })),
};

/** The bands the demo practice entered when it imported the form (total 0–24, higher is better). */
export const MUSIC_IN_DAILY_LIFE_IMPORT: ImportInstrumentInput = {
  questionnaire: MUSIC_IN_DAILY_LIFE,
  bands: [
    { label: 'Music rarely helping', min: 0, max: 8 },
    { label: 'Music sometimes helping', min: 9, max: 16 },
    { label: 'Music often helping', min: 17, max: 24 },
  ],
  direction: 'higher-is-better',
  clinicalCutoff: null,
  reliableChange: null,
  license: 'Written for the Throughline demo practice; free to use under the project licence.',
};
