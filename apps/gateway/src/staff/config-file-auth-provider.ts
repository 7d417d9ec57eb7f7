import bcrypt from 'bcryptjs';
import type { AuthProvider } from './auth-provider';
import type { StaffAccount, StaffAccounts } from './staff-accounts';
import type { StaffUser } from './staff-user';

// Compared against when the name is unknown, so an unknown name costs as long as a wrong password and
// response times do not reveal which accounts exist.
const DUMMY_HASH = bcrypt.hashSync('schalter-no-such-user', 10);

/** Accounts from `config/staff-users.json` (bcrypt hashes). Stand-in until an OIDC provider is plugged in. */
export class ConfigFileAuthProvider implements AuthProvider {
  private readonly byName: ReadonlyMap<string, StaffAccount>;

  constructor(accounts: StaffAccounts) {
    this.byName = new Map(accounts.users.map((account) => [account.username, account]));
  }

  async authenticate(username: string, password: string): Promise<StaffUser | undefined> {
    const account = this.byName.get(username.trim().toLowerCase());
    const matches = await bcrypt.compare(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !matches) return undefined;
    return { id: account.username, displayName: account.displayName, role: account.role, offices: account.offices };
  }
}
