/** A resource type the bundle held that the import did not restore, and why (docs/fhir.md). */
export type NotImported = { resourceType: string; count: number; reason: string };

/**
 * What an import of a relationship bundle does not restore, per resource type, with the reason
 * it gives the therapist. Nothing in a bundle is dropped without being named here or refused.
 */
export const NOT_IMPORTED: Readonly<Record<string, string>> = {
  Organization: 'The practice is the importing one.',
  Practitioner: 'The importing therapist takes the exporting therapists’ place.',
  Questionnaire: 'The installation’s own definition of each instrument is used.',
  Observation: 'Scores are recomputed from the answers by this installation.',
  Goal: 'Goals and their GAS scales are not restored yet; set them with the client.',
  CarePlan:
    'The shared plan and the relapse-prevention plan are agreements between two people; they are agreed again, not copied.',
  Communication: 'Messages are not restored yet; the exported bundle keeps them.',
  Consent:
    'A consent is given to a practice; the client signs this practice’s consents (and contact agreement) again.',
  DocumentReference:
    'Signed notes and ending summaries are not restored yet; the exported bundle keeps them.',
  Provenance: 'Signatures attest records of the exporting practice; they do not transfer.',
};
