export { getClient } from './get-client';
export { inviteClient } from './invite-client';
export { type ClientPage, listClients } from './list-clients';
export { type PortalHome, readPortalHome } from './portal';
export type { ClientView } from './views';
