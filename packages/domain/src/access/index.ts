export {
  type AccessContext,
  type Actor,
  ANONYMOUS,
  type AuthStage,
  type RequestOrigin,
  ROLES,
  type Role,
  roleRequiresTwoFactor,
  type Services,
  type SignedIn,
} from './actor';
export {
  clientOfEpisode,
  type EpisodeAccess,
  type EpisodeRow,
  episodesAbout,
  episodesSupervisedBy,
  episodesTreatedBy,
  episodesVisibleTo,
  findCoverDesignee,
  findVisibleEpisode,
  type Grant,
  type Relation,
} from './episode-scope';
export {
  type AuditNote,
  type EpisodeStep,
  HIDDEN,
  type Hidden,
  perform,
  performOnEpisode,
  performOnRecord,
  Refusal,
  type Step,
  type Subject,
  type Target,
} from './perform';
export { phaseAllows, phaseRefusal } from './phase-rule';
export {
  type Action,
  authorize,
  isAction,
  POLICY,
  partOf,
  phasesOf,
  roleMay,
  signedIn,
} from './policy';
export {
  actsAsClient,
  administersPractice,
  isPartyOf,
  messageSide,
  readsPart,
  seesTherapistOnlyFields,
  supervises,
  treatsClients,
} from './predicates';
