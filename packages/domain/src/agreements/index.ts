// The agreement primitive (issue 8): a versioned proposal between the named parties of an episode.
export { acceptAgreementVersion } from './accept-version';
export { type AcceptedVersion, latestAccepted, latestAcceptedContent } from './accepted';
export { declineAgreementVersion } from './decline-version';
export { type ProposeInput, proposeAgreement, proposeInEpisode } from './propose';
export {
  type AgreementView,
  readAgreement,
  readInEpisode as readAgreementInEpisode,
} from './read-agreement';
export { findVersionBySubject, listResponses } from './repository';
export { type Answer, answerInEpisode } from './respond';
export {
  AGREEMENT_KINDS,
  AGREEMENT_PARTIES,
  type AgreementKind,
  type AgreementParty,
} from './tables';
export {
  type AgreementContent,
  type AgreementVersionView,
  agreementContentPurpose,
  type PartyAnswer,
  type VersionState,
  versionState,
} from './views';
