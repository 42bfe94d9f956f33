// The contact agreement and secure messages (issue 10), on the agreement primitive.
export {
  acceptContactAgreement,
  getContactAgreement,
  getContactDefaults,
  proposeContactAgreement,
} from './agreement';
export { readMessageAttachment, uploadMessageAttachment } from './attachments';
export { listEpisodeMessageRows } from './copy-reads';
export { windowsForViewer, withinWindows } from './hours';
export { listMessages, markMessagesRead } from './list-messages';
export { unreadMessageCountsSql } from './reads';
export { listMessagesForRecord, type MessageRecord } from './record-reads';
export { messageBodyPurpose } from './repository';
export { clientMayMessage } from './rule';
export { autoReplyText, sendMessage } from './send-message';
export { CONTACT_TERMS_VERSION } from './terms';
