export * from './privacy-error';
export * from './master-keyring';
export type { SealedData } from './sealed-data';
export { parseSealedData } from './sealed-data';
export * from './key-store';
export * from './in-memory-key-store';
export * from './jetstream-kv-key-store';
export * from './personal-data-vault';
export * from './contact-key';
