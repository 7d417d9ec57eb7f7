import { keyStoreContract } from '../test/key-store.contract';
import { InMemoryKeyStore } from './in-memory-key-store';

keyStoreContract('InMemoryKeyStore', async () => ({ store: new InMemoryKeyStore(), cleanup: async () => undefined }));
