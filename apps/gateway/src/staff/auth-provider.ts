import type { StaffUser } from './staff-user';

/**
 * Port for "who is this?". v1 reads accounts from a config file (ConfigFileAuthProvider); an OIDC
 * provider can replace it later without touching sessions or guards, which only see a StaffUser.
 */
export interface AuthProvider {
  /** The user for these credentials, or undefined — never says whether the name or the password was wrong. */
  authenticate(username: string, password: string): Promise<StaffUser | undefined>;
}

export const AUTH_PROVIDER = Symbol('AUTH_PROVIDER');
