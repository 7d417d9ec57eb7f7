import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, Logger, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { DomainError } from '@app/domain';
import { DomainException } from '@app/platform';
import { officeIdOf, sessionIdOf, type StaffRequest } from './staff-access';
import { csrfHeaderMissing, loginRequired, officeForbidden, roleForbidden } from './staff-refusals';
import { StaffSessionStore } from './staff-session-store';
import { type ActorRole, mayActFor } from './staff-user';

const STAFF_ROLES_KEY = 'schalter:staff-roles';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Session, CSRF header, role and office scope, in that order. SameSite=Strict already keeps the cookie
 * off cross-site requests; the required X-Requested-With header is the second lock (a cross-origin page
 * cannot set it without a CORS preflight, which the gateway refuses). Every refusal is logged with
 * who, which role, which office and which route — never a password or session id.
 */
@Injectable()
export class StaffGuard implements CanActivate {
  private readonly logger = new Logger('StaffAccess');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(StaffSessionStore) private readonly sessions: StaffSessionStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<ActorRole[] | undefined>(STAFF_ROLES_KEY, [context.getHandler(), context.getClass()]) ?? [];
    const req = context.switchToHttp().getRequest<StaffRequest>();
    const id = sessionIdOf(req);
    const session = id === undefined ? undefined : await this.sessions.touch(id);
    if (id === undefined || session === undefined) return this.deny(req, loginRequired());
    const { user } = session;
    const officeId = officeIdOf(req);
    if (!SAFE_METHODS.has(req.method) && !req.headers['x-requested-with']) return this.deny(req, csrfHeaderMissing(), user.id, user.role, officeId);
    if (!roles.includes(user.role)) return this.deny(req, roleForbidden(user.role), user.id, user.role, officeId);
    if (officeId !== undefined && !mayActFor(user.offices, officeId)) return this.deny(req, officeForbidden(officeId), user.id, user.role, officeId);
    req.staffSession = { id, session };
    req.actor = { id: user.id, role: user.role, ...(officeId === undefined ? {} : { officeId }) };
    return true;
  }

  private deny(req: StaffRequest, error: DomainError, user?: string, role?: string, office?: string): never {
    this.logger.warn({ denied: error.code, user, role, office, method: req.method, route: req.route?.path ?? req.path, ip: req.ip }, `Staff access denied: ${error.code}`);
    throw new DomainException(error);
  }
}

/**
 * `@StaffOnly('clerk', 'office_manager', 'admin')` on a controller or handler: a live session, the
 * X-Requested-With header on state-changing methods, one of these roles, and — when the route has an
 * `:officeId` param or `?officeId=` — that office within the user's scope.
 */
export const StaffOnly = (...roles: ActorRole[]) => applyDecorators(SetMetadata(STAFF_ROLES_KEY, roles), UseGuards(StaffGuard));
