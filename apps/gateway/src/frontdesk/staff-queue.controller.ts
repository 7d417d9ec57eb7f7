import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { FRONTDESK } from '@app/contracts';
import { ApiTags } from '@nestjs/swagger';
import { ApiQueueDocs } from '../booking/openapi/queue-routes.docs';
import { actorOf, type StaffRequest } from '../staff/staff-access';
import { StaffOnly } from '../staff/staff.guard';
import { FRONT_DESK_ROLES } from '../staff/staff-user';
import { callTicketBody, checkInBody, completeBody, idParam, openCounterBody, transferBody, walkInBody } from './frontdesk-bodies';
import { FrontdeskClient, frontdeskActor } from './frontdesk-client';

/**
 * The staff console's API: every queue command of one office, relayed to frontdesk with the acting
 * user (the audit trail). `@StaffOnly` has checked session, CSRF header, role and office scope.
 */
@ApiTags('staff-queue')
@Controller('api/staff/offices/:officeId')
@StaffOnly(...FRONT_DESK_ROLES)
export class StaffQueueController {
  constructor(@Inject(FrontdeskClient) private readonly frontdesk: FrontdeskClient) {}

  private who(req: StaffRequest, officeId: string) {
    return { officeId: idParam.parse(officeId), actor: frontdeskActor(actorOf(req)) };
  }

  private ticket(subject: TicketSubject, req: StaffRequest, officeId: string, ticketId: string) {
    return this.frontdesk.request(subject, { ...this.who(req, officeId), ticketId: idParam.parse(ticketId) });
  }

  @Get('queue')
  @ApiQueueDocs.staffQueue()
  queue(@Param('officeId') officeId: string) {
    return this.frontdesk.request(FRONTDESK.staffSnapshot, { officeId: idParam.parse(officeId) });
  }

  @HttpCode(200)
  @Post('check-ins')
  @ApiQueueDocs.checkIn()
  checkIn(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Body() body: unknown) {
    return this.frontdesk.request(FRONTDESK.checkIn, { ...this.who(req, officeId), ...checkInBody.parse(body) });
  }

  @HttpCode(200)
  @Post('walk-ins')
  @ApiQueueDocs.walkIn()
  walkIn(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Body() body: unknown) {
    return this.frontdesk.request(FRONTDESK.walkIn, { ...this.who(req, officeId), ...walkInBody.parse(body) });
  }

  @HttpCode(200)
  @Post('counters/:counterId/open')
  @ApiQueueDocs.openCounter()
  open(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('counterId') counterId: string, @Body() body: unknown) {
    return this.frontdesk.request(FRONTDESK.openCounter, { ...this.who(req, officeId), counterId: idParam.parse(counterId), ...openCounterBody.parse(body ?? {}) });
  }

  @HttpCode(200)
  @Post('counters/:counterId/close')
  @ApiQueueDocs.closeCounter()
  close(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('counterId') counterId: string) {
    return this.frontdesk.request(FRONTDESK.closeCounter, { ...this.who(req, officeId), counterId: idParam.parse(counterId) });
  }

  @HttpCode(200)
  @Post('counters/:counterId/call-next')
  @ApiQueueDocs.callNext()
  callNext(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('counterId') counterId: string) {
    return this.frontdesk.request(FRONTDESK.callNext, { ...this.who(req, officeId), counterId: idParam.parse(counterId) });
  }

  @HttpCode(200)
  @Post('counters/:counterId/call')
  @ApiQueueDocs.callTicket()
  call(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('counterId') counterId: string, @Body() body: unknown) {
    return this.frontdesk.request(FRONTDESK.callTicket, { ...this.who(req, officeId), counterId: idParam.parse(counterId), ...callTicketBody.parse(body) });
  }

  @HttpCode(200)
  @Post('tickets/:ticketId/recall')
  @ApiQueueDocs.recall()
  recall(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('ticketId') ticketId: string) {
    return this.ticket(FRONTDESK.recall, req, officeId, ticketId);
  }

  @HttpCode(200)
  @Post('tickets/:ticketId/park')
  @ApiQueueDocs.park()
  park(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('ticketId') ticketId: string) {
    return this.ticket(FRONTDESK.park, req, officeId, ticketId);
  }

  @HttpCode(200)
  @Post('tickets/:ticketId/unpark')
  @ApiQueueDocs.unpark()
  unpark(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('ticketId') ticketId: string) {
    return this.ticket(FRONTDESK.unpark, req, officeId, ticketId);
  }

  @HttpCode(200)
  @Post('tickets/:ticketId/start')
  @ApiQueueDocs.start()
  start(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('ticketId') ticketId: string) {
    return this.ticket(FRONTDESK.start, req, officeId, ticketId);
  }

  @HttpCode(200)
  @Post('tickets/:ticketId/no-show')
  @ApiQueueDocs.noShow()
  noShow(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('ticketId') ticketId: string) {
    return this.ticket(FRONTDESK.noShow, req, officeId, ticketId);
  }

  @HttpCode(200)
  @Post('tickets/:ticketId/transfer')
  @ApiQueueDocs.transfer()
  transfer(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('ticketId') ticketId: string, @Body() body: unknown) {
    return this.frontdesk.request(FRONTDESK.transfer, { ...this.who(req, officeId), ticketId: idParam.parse(ticketId), ...transferBody.parse(body) });
  }

  @HttpCode(200)
  @Post('tickets/:ticketId/complete')
  @ApiQueueDocs.complete()
  complete(@Req() req: StaffRequest, @Param('officeId') officeId: string, @Param('ticketId') ticketId: string, @Body() body: unknown) {
    return this.frontdesk.request(FRONTDESK.complete, { ...this.who(req, officeId), ticketId: idParam.parse(ticketId), ...completeBody.parse(body ?? {}) });
  }
}

type TicketSubject = (typeof FRONTDESK)['recall' | 'park' | 'unpark' | 'start' | 'noShow'];
