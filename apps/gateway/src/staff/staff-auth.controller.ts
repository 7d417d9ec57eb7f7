import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiStaffDocs } from '../booking/openapi/queue-routes.docs';
import { RateLimit } from '../security';
import { SESSION_COOKIE, sessionIdOf, type StaffRequest } from './staff-access';
import { StaffAuthService } from './staff-auth.service';
import { StaffOnly } from './staff.guard';
import { STAFF_ROLES } from './staff-user';

const COOKIE_PATH = '/api/staff';

/** Login (POST), who am I (GET) and logout (DELETE) on one resource: the staff session. */
@ApiTags('staff')
@Controller('api/staff/session')
export class StaffAuthController {
  constructor(@Inject(StaffAuthService) private readonly auth: StaffAuthService) {}

  @Post()
  @HttpCode(200)
  @RateLimit('login')
  @ApiStaffDocs.login()
  async login(@Body() body: unknown, @Req() req: StaffRequest, @Res({ passthrough: true }) res: Response) {
    const { id, session } = await this.auth.login(body, req.ip);
    // Session cookie (no Max-Age): it also ends with the browser. Secure whenever the request came over TLS.
    res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: COOKIE_PATH });
    return { user: session.user };
  }

  @Get()
  @StaffOnly(...STAFF_ROLES)
  @ApiStaffDocs.whoAmI()
  whoAmI(@Req() req: StaffRequest) {
    return { user: req.staffSession?.session.user };
  }

  @Delete()
  @HttpCode(204)
  @ApiStaffDocs.logout()
  async logout(@Req() req: StaffRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(sessionIdOf(req));
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: COOKIE_PATH });
  }
}
