export { newWrappedDataKey, open, seal, unwrapDataKey } from './field-encryption';
export { type KeyClass, Keyring } from './keyring';
export { loadMasterKey } from './master-key';
