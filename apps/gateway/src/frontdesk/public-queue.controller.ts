import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { FRONTDESK } from '@app/contracts';
import { ApiTags } from '@nestjs/swagger';
import { ApiQueueDocs } from '../booking/openapi/queue-routes.docs';
import { RateLimit } from '../security';
import { KioskOnly } from '../staff/kiosk.guard';
import { actorOf, type StaffRequest } from '../staff/staff-access';
import { idParam, walkInBody } from './frontdesk-bodies';
import { FrontdeskClient, frontdeskActor } from './frontdesk-client';

/** Walk-in tickets from the kiosk device (device token), and the citizen's own ticket (public, no names). */
@ApiTags('queue')
@Controller('api')
export class PublicQueueController {
  constructor(@Inject(FrontdeskClient) private readonly frontdesk: FrontdeskClient) {}

  @Post('kiosk/offices/:officeId/walk-ins')
  @HttpCode(200)
  @KioskOnly()
  @ApiQueueDocs.kioskWalkIn()
  walkIn(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Body() body: unknown) {
    return this.frontdesk.request(FRONTDESK.walkIn, { officeId: idParam.parse(officeId), actor: frontdeskActor(actorOf(req)), ...walkInBody.parse(body) });
  }

  @Get('offices/:officeId/tickets/:ticketId')
  @RateLimit('read')
  @ApiQueueDocs.ticket()
  ticket(@Param('officeId') officeId: string, @Param('ticketId') ticketId: string) {
    return this.frontdesk.request(FRONTDESK.ticketStatus, { officeId: idParam.parse(officeId), ticketId: idParam.parse(ticketId) });
  }

  @Get('offices/:officeId/display')
  @RateLimit('read')
  @ApiQueueDocs.display()
  display(@Param('officeId') officeId: string) {
    return this.frontdesk.request(FRONTDESK.displaySnapshot, { officeId: idParam.parse(officeId) });
  }
}
