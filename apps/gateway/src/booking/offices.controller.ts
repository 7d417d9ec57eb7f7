import { BOOKING, type AvailabilityResponse, type BookingReply, type HoldResponse, type OfficesResponse, type ServicesResponse, type ContactResponse } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBookingDocs } from './openapi/booking-routes.docs';
import type { Response } from 'express';
import { ManageTokens } from '@app/contracts';
import { RateLimit, RequireCaptcha, SecurityRefusalFilter } from '../security';
import { parseServiceLines, relay } from './relay';

type Body_ = Record<string, unknown>;

/** Offices, services, availability and the hold → contact steps of a booking. Thin: validate, relay. */
@ApiTags('booking')
@Controller('api/offices')
@UseFilters(SecurityRefusalFilter)
export class OfficesController {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(ManageTokens) private readonly manageTokens: ManageTokens,
  ) {}

  @Get()
  @RateLimit('read')
  @ApiBookingDocs.offices()
  async offices(): Promise<OfficesResponse> {
    return relay(await this.rpc.request<OfficesResponse>(BOOKING.offices, {}));
  }

  @Get(':officeId/services')
  @RateLimit('read')
  @ApiBookingDocs.services()
  async services(@Param('officeId') officeId: string): Promise<ServicesResponse> {
    return relay(await this.rpc.request<ServicesResponse>(BOOKING.services, { officeId }));
  }

  @Get(':officeId/availability')
  @RateLimit('read')
  @ApiBookingDocs.availability()
  async availability(@Param('officeId') officeId: string, @Query() query: Record<string, unknown>): Promise<AvailabilityResponse> {
    const request = { officeId, services: parseServiceLines(query['services']), from: query['from'], to: query['to'] };
    return relay(await this.rpc.request<AvailabilityResponse>(BOOKING.availability, request));
  }

  @Post(':officeId/holds')
  @RequireCaptcha('hold')
  @RateLimit('hold')
  @ApiBookingDocs.placeHold()
  async placeHold(@Param('officeId') officeId: string, @Body() body: Body_): Promise<HoldResponse> {
    const { date, start, services, holdId } = body ?? {};
    return relay(await this.rpc.request<HoldResponse>(BOOKING.placeHold, { officeId, date, start, services, holdId }));
  }

  @Post(':officeId/holds/:holdId/extend')
  @HttpCode(200)
  @RateLimit('hold')
  @ApiBookingDocs.extendHold()
  async extendHold(@Param('officeId') officeId: string, @Param('holdId') holdId: string, @Body() body: Body_): Promise<HoldResponse> {
    return relay(await this.rpc.request<HoldResponse>(BOOKING.extendHold, { officeId, holdId, date: body?.['date'] }));
  }

  @Post(':officeId/holds/:holdId/contact')
  @RateLimit('book')
  @ApiBookingDocs.submitContact()
  async submitContact(@Param('officeId') officeId: string, @Param('holdId') holdId: string, @Body() body: Body_, @Res({ passthrough: true }) res: Response): Promise<ContactResponse> {
    const { date, name, email, phone, language, consent } = body ?? {};
    if (consent !== true) relay({ ok: false, error: consentMissing() });
    const reply = relay(await this.rpc.request<BookingReply<typeof BOOKING.submitContact>>(BOOKING.submitContact, { officeId, holdId, date, name, email, phone, language }));
    res.status(reply.status === 'booked' ? 201 : 202);
    return { ...reply, manageToken: this.manageTokens.issue(reply.reference) };
  }
}

function consentMissing() {
  return {
    kind: 'invalid' as const, code: 'validation_failed',
    message: 'Die Eingabe ist ungültig: consent.', messageEn: 'The input is invalid: consent.',
    details: { errors: [{ path: 'consent', message: 'must be true (agree to the processing of your data)' }] },
  };
}
