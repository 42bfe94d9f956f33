export { COLUMN_LABELS, type ColumnLabel, labelledColumns } from './column-labels';
export { encryptLegacyPlaintext, LEGACY_PLAINTEXT_COLUMNS } from './encrypt-legacy-plaintext';
export { newWrappedDataKey, open, seal, unwrapDataKey } from './field-encryption';
export { type KeyClass, Keyring } from './keyring';
export { loadMasterKey } from './master-key';
