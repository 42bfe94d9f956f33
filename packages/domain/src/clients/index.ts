export {
  type ClientDetails,
  clientFieldPurpose,
  DEFAULT_SAFE_CONTACT,
  type EmergencyContact,
  isCalendarDate,
  type SafeContact,
} from './details';
export { getClient } from './get-client';
export {
  type CaseloadIdentity,
  type ImportedClient,
  insertImportedClient,
  listCaseloadIdentities,
} from './imported';
export { type CreatedClient, inviteClient, type NewClient } from './invite-client';
export { issueClientSignUpCode } from './issue-sign-up-code';
export { type ClientPage, listClients } from './list-clients';
export { type ClientMailContact, findClientMailContact } from './mail-contact';
export { type PortalHome, readPortalHome } from './portal';
export { type ClientHeadRow, clientHeadSql, findClientInPractice, seesClientSql } from './reads';
export { findClientForRecord, listPracticeClients } from './record-reads';
export {
  type ClientRow,
  findById as findClientById,
  findByUser as findClientOfUser,
} from './repository';
export { setClientEmailOfUser } from './sign-in-email';
export { updateClient } from './update-client';
export { type PortalPreferences, updatePortalPreferences } from './update-preferences';
export type { ClientView } from './views';
