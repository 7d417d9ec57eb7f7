import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainException } from '@app/platform';
import { z } from 'zod';
import { AUTH_PROVIDER, type AuthProvider } from './auth-provider';
import { loginFailed } from './staff-refusals';
import { type StaffSession, StaffSessionStore } from './staff-session-store';

export const loginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200), // bcrypt reads 72 bytes; the cap keeps hashing cheap for junk
});

@Injectable()
export class StaffAuthService {
  private readonly logger = new Logger('StaffAuth');

  constructor(
    @Inject(AUTH_PROVIDER) private readonly provider: AuthProvider,
    @Inject(StaffSessionStore) private readonly sessions: StaffSessionStore,
  ) {}

  async login(body: unknown, ip: string | undefined): Promise<{ id: string; session: StaffSession }> {
    const { username, password } = loginSchema.parse(body);
    const user = await this.provider.authenticate(username, password);
    if (!user) {
      this.logger.warn({ denied: 'staff_login_failed', user: username.slice(0, 64), ip }, 'Staff login failed');
      throw new DomainException(loginFailed());
    }
    this.logger.log({ user: user.id, role: user.role, ip }, 'Staff signed in');
    return this.sessions.create(user);
  }

  async logout(id: string | undefined): Promise<void> {
    if (id !== undefined) await this.sessions.destroy(id);
  }
}
