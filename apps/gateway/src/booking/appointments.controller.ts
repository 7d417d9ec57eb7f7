import { BOOKING, type AppointmentView } from '@app/contracts';
import { notFound } from '@app/domain';
import { DomainException, RpcClient } from '@app/platform';
import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBookingDocs } from './openapi/booking-routes.docs';
import type { Request } from 'express';
import { ManageTokens } from '@app/contracts';
import { RateLimit, RequireCaptcha, SecurityRefusalFilter } from '../security';
import { appointmentIcs } from './appointment-ics';
import { relay } from './relay';

/**
 * The manage link's API. The token (HMAC of the reference) is checked here in constant time before
 * anything reaches the booking service; a wrong token and an unknown reference give the same 404.
 */
@ApiTags('appointments')
@Controller('api/appointments')
@UseFilters(SecurityRefusalFilter)
export class AppointmentsController {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(ManageTokens) private readonly manageTokens: ManageTokens,
  ) {}

  @Post(':reference/activate')
  @HttpCode(200)
  @RateLimit('manage')
  @ApiBookingDocs.activate()
  async activate(@Param('reference') reference: string, @Body() body: Record<string, unknown>): Promise<AppointmentView> {
    return relay(await this.rpc.request<AppointmentView>(BOOKING.activate, { reference, token: body?.['token'] }));
  }

  @Get(':reference')
  @RateLimit('read')
  @ApiBookingDocs.get()
  async get(@Param('reference') reference: string, @Req() req: Request): Promise<AppointmentView> {
    this.authorise(reference, req);
    return relay(await this.rpc.request<AppointmentView>(BOOKING.getAppointment, { reference }));
  }

  @Post(':reference/cancel')
  @HttpCode(200)
  @RateLimit('manage')
  @ApiBookingDocs.cancel()
  async cancel(@Param('reference') reference: string, @Req() req: Request): Promise<AppointmentView> {
    this.authorise(reference, req);
    return relay(await this.rpc.request<AppointmentView>(BOOKING.cancel, { reference }));
  }

  @Post(':reference/reschedule')
  @HttpCode(200)
  @RequireCaptcha('reschedule', () => 'reschedule')
  @RateLimit('manage')
  @ApiBookingDocs.reschedule()
  async reschedule(@Param('reference') reference: string, @Req() req: Request, @Body() body: Record<string, unknown>): Promise<AppointmentView> {
    this.authorise(reference, req);
    return relay(await this.rpc.request<AppointmentView>(BOOKING.reschedule, { reference, date: body?.['date'], start: body?.['start'] }));
  }

  @Get(':reference/calendar.ics')
  @RateLimit('read')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiBookingDocs.ics()
  async ics(@Param('reference') reference: string, @Req() req: Request, @Query('lang') lang?: string): Promise<string> {
    this.authorise(reference, req);
    return appointmentIcs(relay(await this.rpc.request<AppointmentView>(BOOKING.getAppointment, { reference })), lang === 'en' ? 'en' : 'de');
  }

  private authorise(reference: string, req: Request): void {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.query['token'];
    if (typeof token !== 'string' || !this.manageTokens.verify(reference, token)) {
      throw new DomainException(notFound('appointment_unknown', { de: 'Diesen Termin gibt es nicht, oder der Link ist ungültig.', en: 'This appointment does not exist, or the link is invalid.' }));
    }
  }
}
