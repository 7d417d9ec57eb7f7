import { Controller, Get, Inject, Req } from '@nestjs/common';
import { issueStaffToken } from '@app/contracts';
import { ApiTags } from '@nestjs/swagger';
import { ApiStaffDocs } from '../booking/openapi/queue-routes.docs';
import { invalid } from '@app/domain';
import { DomainException } from '@app/platform';
import { actorOf, type StaffRequest } from './staff-access';
import type { StaffConfig } from './staff-config';
import { StaffOnly } from './staff.guard';
import { STAFF_CONFIG } from './staff-config.token';

/**
 * GET /api/staff/socket-token?officeId=hbs — a signed token (2 min by default) for the front desk's
 * `/staff` Socket.IO namespace. The guard has checked the session, the role and the office.
 */
@ApiTags('staff')
@Controller('api/staff/socket-token')
export class SocketTokenController {
  constructor(@Inject(STAFF_CONFIG) private readonly config: StaffConfig) {}

  @Get()
  @StaffOnly('clerk', 'office_manager', 'admin')
  @ApiStaffDocs.socketToken()
  issue(@Req() req: StaffRequest) {
    const actor = actorOf(req);
    if (actor.role === 'analyst' || actor.officeId === undefined) throw new DomainException(officeRequired());
    const nowMs = Date.now();
    const ttl = this.config.STAFF_TOKEN_TTL_SECONDS;
    const token = issueStaffToken({ user: actor.id, role: actor.role, officeId: actor.officeId }, this.config.STAFF_TOKEN_SECRET, nowMs, ttl);
    return { token, expiresAt: new Date(nowMs + ttl * 1000).toISOString() };
  }
}

const officeRequired = () =>
  invalid('office_required', { de: 'Bitte geben Sie das Bürgerbüro an (?officeId=).', en: 'Name the office (?officeId=).' });
