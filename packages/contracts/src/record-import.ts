import { z } from 'zod';

/** The answer to importing one client's FHIR R4 relationship bundle (issue 12, docs/fhir.md). */
export const recordImportResultSchema = z.object({
  clientId: z.uuid(),
  episodes: z.number().int(),
  sessions: z.number().int(),
  responses: z.number().int().describe('Completed questionnaires, re-scored by this installation'),
  notImported: z
    .array(
      z.object({
        resourceType: z.string(),
        count: z.number().int(),
        reason: z.string(),
      }),
    )
    .describe('What the bundle held that was not restored, per resource type, and why'),
});
export type RecordImportResult = z.output<typeof recordImportResultSchema>;

/** The largest bundle accepted (an ending summary's PDF travels inside it, base64). */
export const RECORD_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
