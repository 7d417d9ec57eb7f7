import { eventStoreContract } from './event-store.contract';
import { storedFormatsContract } from './stored-formats.contract';
import { jetStreamHarness, memoryHarness } from './contract-harness';

describe.each([[memoryHarness.name, memoryHarness], [jetStreamHarness.name, jetStreamHarness]])('%s satisfies the EventStore contract', (_name, harness) => {
  eventStoreContract(harness);
  describe('stored commit formats', () => storedFormatsContract(harness));
});
