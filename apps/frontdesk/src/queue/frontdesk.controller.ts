import { FRONTDESK } from '@app/contracts';
import { CorrelationContext } from '@app/platform';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  callTicketRequest, checkInRequest, completeRequest, counterRequest, openCounterRequest, snapshotRequest, ticketRequest,
  ticketStatusRequest, transferRequest, walkInRequest,
} from './frontdesk-schemas';
import { FrontdeskService } from './frontdesk.service';

const meta = () => ({ correlationId: CorrelationContext.currentId() ?? 'none' });

/**
 * `frontdesk.*` request/reply: validate (a ZodError becomes the `validation_failed` envelope), build
 * the queue command, run it. The platform's interceptor puts the Result on the wire.
 */
@Controller()
export class FrontdeskController {
  constructor(@Inject(FrontdeskService) private readonly desk: FrontdeskService) {}

  @MessagePattern(FRONTDESK.checkIn)
  checkIn(@Payload() payload: unknown) {
    return this.desk.checkIn(checkInRequest.parse(payload) as Parameters<FrontdeskService['checkIn']>[0], meta());
  }

  @MessagePattern(FRONTDESK.walkIn)
  walkIn(@Payload() payload: unknown) {
    const { officeId, actor, services, priority, requestId } = walkInRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'IssueWalkIn', data: { services, priority, requestId } }, meta());
  }

  @MessagePattern(FRONTDESK.openCounter)
  openCounter(@Payload() payload: unknown) {
    const { officeId, actor, counterId, serviceIds } = openCounterRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'OpenCounter', data: { counterId, serviceIds } }, meta());
  }

  @MessagePattern(FRONTDESK.closeCounter)
  closeCounter(@Payload() payload: unknown) {
    const { officeId, actor, counterId } = counterRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'CloseCounter', data: { counterId } }, meta());
  }

  @MessagePattern(FRONTDESK.callNext)
  callNext(@Payload() payload: unknown) {
    const { officeId, actor, counterId } = counterRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'CallNext', data: { counterId } }, meta());
  }

  @MessagePattern(FRONTDESK.callTicket)
  callTicket(@Payload() payload: unknown) {
    const { officeId, actor, counterId, ticketId } = callTicketRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'CallTicket', data: { counterId, ticketId } }, meta());
  }

  @MessagePattern(FRONTDESK.recall)
  recall(@Payload() payload: unknown) {
    const { officeId, actor, ticketId } = ticketRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'Recall', data: { ticketId } }, meta());
  }

  @MessagePattern(FRONTDESK.park)
  park(@Payload() payload: unknown) {
    const { officeId, actor, ticketId } = ticketRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'Park', data: { ticketId } }, meta());
  }

  @MessagePattern(FRONTDESK.unpark)
  unpark(@Payload() payload: unknown) {
    const { officeId, actor, ticketId } = ticketRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'Unpark', data: { ticketId } }, meta());
  }

  @MessagePattern(FRONTDESK.transfer)
  transfer(@Payload() payload: unknown) {
    const { officeId, actor, ticketId, toServiceIds, toCounterId } = transferRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'Transfer', data: { ticketId, toServiceIds, toCounterId } }, meta());
  }

  @MessagePattern(FRONTDESK.start)
  start(@Payload() payload: unknown) {
    const { officeId, actor, ticketId } = ticketRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'StartService', data: { ticketId } }, meta());
  }

  @MessagePattern(FRONTDESK.complete)
  complete(@Payload() payload: unknown) {
    const { officeId, actor, ticketId, servicesDone } = completeRequest.parse(payload);
    return this.desk.complete(officeId, actor, ticketId, servicesDone, meta());
  }

  @MessagePattern(FRONTDESK.noShow)
  noShow(@Payload() payload: unknown) {
    const { officeId, actor, ticketId } = ticketRequest.parse(payload);
    return this.desk.run(officeId, actor, { type: 'MarkNoShow', data: { ticketId } }, meta());
  }

  @MessagePattern(FRONTDESK.ticketStatus)
  ticketStatus(@Payload() payload: unknown) {
    const { officeId, ticketId } = ticketStatusRequest.parse(payload);
    return this.desk.ticketStatus(officeId, ticketId);
  }

  @MessagePattern(FRONTDESK.staffSnapshot)
  staffSnapshot(@Payload() payload: unknown) {
    const { officeId, date } = snapshotRequest.parse(payload);
    return this.desk.staffSnapshot(officeId, date);
  }

  @MessagePattern(FRONTDESK.displaySnapshot)
  displaySnapshot(@Payload() payload: unknown) {
    const { officeId, date } = snapshotRequest.parse(payload);
    return this.desk.displaySnapshot(officeId, date);
  }
}
