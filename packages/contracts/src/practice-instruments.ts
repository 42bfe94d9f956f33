import { z } from 'zod';

/** A practice's own instruments, imported from a FHIR R4 Questionnaire (docs/measures.md). */

export const importedBandSchema = z.strictObject({
  label: z.string().trim().min(1).max(60),
  min: z.number().int(),
  max: z.number().int(),
});

export const importInstrumentBody = z.strictObject({
  questionnaire: z
    .record(z.string(), z.unknown())
    .describe(
      'A FHIR R4 Questionnaire resource (JSON); answer weights as ordinalValue or itemWeight',
    ),
  bands: z.array(importedBandSchema).max(12).describe('Score bands, lowest first; inclusive'),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  clinicalCutoff: z.number().int().nullable().optional(),
  reliableChange: z.number().int().nullable().optional(),
  license: z.string().trim().max(500).nullable().optional(),
});
export type ImportInstrumentRequest = z.input<typeof importInstrumentBody>;

export const practiceInstrumentSchema = z.object({
  key: z.string(),
  version: z.string(),
  title: z.string(),
  instructions: z.string(),
  items: z.array(
    z.object({ number: z.number().int(), text: z.string(), reverseScored: z.boolean() }),
  ),
  options: z.array(z.object({ value: z.number().int(), label: z.string() })),
  scoreRange: z.object({ min: z.number().int(), max: z.number().int() }),
  bands: z.array(
    z.object({ label: z.string(), min: z.number().nullable(), max: z.number().nullable() }),
  ),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  clinicalCutoff: z.number().nullable(),
  reliableChange: z.number().nullable(),
  attribution: z.string(),
  license: z.string(),
  /** Null for a preview (nothing stored yet). */
  importedAt: z.date().nullable(),
  retiredAt: z.date().nullable(),
});
export type PracticeInstrument = z.output<typeof practiceInstrumentSchema>;

export const practiceInstrumentListSchema = z.object({ items: z.array(practiceInstrumentSchema) });
export type PracticeInstrumentList = z.output<typeof practiceInstrumentListSchema>;
