export { listClientSignatures } from './copy-reads';
export {
  type ConsentDocument,
  listConsentDocuments,
  type PublishConsentInput,
  publishConsentDocument,
} from './documents';
export { hasLiveConsent, liveConsentSignedAt, liveSupervisionShares } from './reads';
export { type ConsentRecord, listConsentsForRecord } from './record-reads';
export { endLiveSignature } from './repository';
export {
  type ConsentSignature,
  listClientConsents,
  listPortalConsents,
  type PortalConsentItem,
  type SignConsentInput,
  signConsent,
  withdrawConsent,
} from './signatures';
export { consentSignaturePurpose } from './views';
