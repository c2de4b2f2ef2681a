// Test helper: the publication ledger of an items folder as one text — the compacted file with its journal replayed
// (ledger-store.ts), written as serializeLedger writes it — so a live builder (which appends) and a cold build
// (which compacts) can be compared.
import { serializeLedger } from '../../src/lifecycle/ledger.ts';
import { readLedger } from '../../src/lifecycle/ledger-store.ts';

export async function ledgerText(itemsDir: string): Promise<string> {
  return serializeLedger((await readLedger(itemsDir)).value);
}
