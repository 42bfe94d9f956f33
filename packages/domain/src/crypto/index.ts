export { newWrappedDataKey, open, seal, unwrapDataKey } from './field-encryption';
export { Keyring } from './keyring';
export { loadMasterKey } from './master-key';
