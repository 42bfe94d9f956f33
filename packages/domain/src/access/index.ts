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
export { type Action, authorize, isAction, POLICY, signedIn } from './policy';
