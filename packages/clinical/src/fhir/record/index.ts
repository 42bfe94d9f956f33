export { fromBase64Text, toBase64 } from './base64';
export { toCollectionBundle } from './bundle';
export { toRelapsePreventionPlan, toSharedPlan } from './care-plan';
export { EXTENSIONS, identifierSystem, SYSTEMS } from './codes';
export { toCommunication } from './communication';
export { toConsent, toContactAgreementConsent } from './consent';
export { noteText, toEndingSummaryDocument, toNoteDocument } from './document-reference';
export { toEpisodeOfCare } from './episode-of-care';
export {
  type EpisodeRead,
  fromAppointment,
  fromEpisodeOfCare,
  fromPatient,
  type Misread,
  type PatientRead,
  type Read,
  type SessionRead,
} from './from-record';
export { fromQuestionnaireResponse, type ReadResponse } from './from-response';
export { GAS_LEVELS, toGoal } from './goal';
export { toOrganization, toPatient, toPractitioner } from './people';
export { type Signing, toProvenance } from './provenance';
export { toAppointment, toEncounter } from './sessions';
export type * from './types';
