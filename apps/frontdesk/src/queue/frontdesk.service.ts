import {
  type FRONTDESK, referenceFromCheckInQr, type DisplayState, type FrontdeskActor, type FrontdeskRequest, type PublicTicketView,
  type QueueCommandReply, type StaffState,
} from '@app/contracts';
import {
  conflict, fail, forbidden, invalid, notFound, ok, toZoned, type DomainError, type QueueCommand, type QueueContext, type QueueEvent, type QueueState, type Result,
} from '@app/domain';
import { uuidv7, type CommandHandler, type EventMeta, type Handled } from '@app/eventstore';
import type { OfficeDay } from '../day/office-day';
import { findByReference } from '../day/expected-appointments';
import type { LiveDays } from '../live/live-days';
import { KIOSK_COMMANDS } from './frontdesk-schemas';
import type { OfficeCatalog } from './office-catalog';

export type QueueHandler = CommandHandler<QueueCommand, QueueEvent, QueueState, QueueContext>;
type Reply<T> = Promise<Result<T, DomainError>>;
type Meta = Pick<EventMeta, 'correlationId'>;

const officeUnknown = (officeId: string) =>
  notFound('office_unknown', { de: `Das Bürgerbüro „${officeId}“ gibt es nicht.`, en: `There is no office "${officeId}".` }, { officeId });

/**
 * The front desk's use cases: each builds one queue command for today's queue of an office, runs it
 * through the generic command handler and answers the queue's new version and the ticket concerned.
 */
export class FrontdeskService {
  constructor(
    private readonly handler: QueueHandler,
    private readonly days: LiveDays,
    private readonly catalogOf: (officeId: string) => OfficeCatalog | undefined,
    private readonly clock: () => number,
    /** The queue's current version in the log (direct get of its last commit); 0 for a new queue. */
    private readonly latestVersion: (queueId: string) => Promise<number>,
  ) {}

  today(): string {
    return toZoned(this.clock(), 'Europe/Berlin').date;
  }

  /** Check-in by reference or scanned QR: the appointment must be today's, here, and not cancelled. */
  async checkIn(request: FrontdeskRequest<typeof FRONTDESK.checkIn>, meta: Meta): Reply<QueueCommandReply> {
    const reference = request.qr !== undefined ? referenceFromCheckInQr(request.qr) : request.reference;
    if (reference === undefined) {
      return fail(invalid('qr_not_ours', { de: 'Dieser QR-Code ist keine Terminbestätigung des Bürgerbüros.', en: 'This QR code is not an appointment confirmation of ours.' }));
    }
    const day = await this.days.day(request.officeId, this.today());
    if (day === undefined) return fail(officeUnknown(request.officeId));
    let appointment = findByReference(day.expected, reference);
    if (appointment === undefined) {
      await this.days.catchUpCalendar(day);
      appointment = findByReference(day.expected, reference);
    }
    if (appointment === undefined) {
      return fail(notFound('appointment_not_today', { de: 'Für heute gibt es hier keinen Termin mit dieser Nummer.', en: 'There is no appointment with this reference here today.' }, { reference }));
    }
    if (appointment.status === 'cancelled') {
      return fail(conflict('appointment_cancelled', { de: 'Dieser Termin wurde abgesagt.', en: 'This appointment was cancelled.' }, { reference }));
    }
    const command: QueueCommand = {
      type: 'CheckIn',
      data: { appointmentId: appointment.appointmentId, reference: appointment.reference, appointmentStart: appointment.startsAt, services: appointment.services, priority: request.priority },
    };
    return this.run(request.officeId, request.actor, command, meta, (h) => h.state.byAppointment[appointment.appointmentId]);
  }

  /** Every other queue command; `ticketOf` names the ticket the reply shows. */
  async run(officeId: string, actor: FrontdeskActor, command: QueueCommand, meta: Meta, ticketOf: (handled: Handled<QueueEvent, QueueState>) => string | undefined = ticketOfCommand(command)): Reply<QueueCommandReply> {
    const catalog = this.catalogOf(officeId);
    if (catalog === undefined) return fail(officeUnknown(officeId));
    if (actor.role === 'kiosk' && !KIOSK_COMMANDS.has(command.type)) {
      return fail(forbidden('kiosk_not_allowed', { de: 'Ein Kiosk darf nur einchecken und Wartenummern ziehen.', en: 'A kiosk may only check in and issue tickets.' }));
    }
    const date = this.today();
    const queueId = `${officeId}-${date}`;
    const context = () => ({ now: this.clock(), catalog: catalog.queue, newId: () => uuidv7(this.clock()) });
    const handle = () => this.handler.handle(queueId, command, context, { meta: { correlationId: meta.correlationId, actor: `${actor.role}:${actor.userId}` } });
    let result = await handle();
    // An append met the expected-version check, so only a decision that appended nothing can rest on a stale cache.
    if ((!result.ok || result.value.events.length === 0) && (await this.droppedStale(queueId))) result = await handle();
    if (!result.ok) return result;
    const handled = result.value;
    const ticketId = ticketOf(handled);
    const ticket = ticketId === undefined ? undefined : handled.state.tickets[ticketId];
    const view = (await this.days.day(officeId, date)) as OfficeDay;
    return ok({
      officeId, date, seq: handled.version, changed: handled.events.length > 0,
      ...(ticket ? { ticket: view.ticketView(ticket, this.clock(), handled.state) } : {}),
    });
  }

  /** Completes with the services done; without a list, the services the ticket asked for. */
  async complete(officeId: string, actor: FrontdeskActor, ticketId: string, servicesDone: readonly { serviceId: string; quantity: number }[] | undefined, meta: Meta): Reply<QueueCommandReply> {
    let done = servicesDone;
    if (done === undefined) {
      const { state } = await this.handler.state(`${officeId}-${this.today()}`);
      done = state.tickets[ticketId]?.services ?? [];
    }
    return this.run(officeId, actor, { type: 'CompleteService', data: { ticketId, servicesDone: done } }, meta);
  }

  /**
   * Several instances write the same queue. A command that appends meets the expected-version check,
   * but a refusal (or a no-op) appends nothing: decided on a stale cache ("counter closed" when another
   * instance has just opened it) it would be wrong and never caught. So after such a decision the
   * cached version is compared with the log's last commit (one direct get) and a stale entry is
   * dropped; the caller then decides once more on the fresh state. Checking only then keeps the
   * direct get off the path of every command that changes something (a call, the hot path).
   */
  private async droppedStale(queueId: string): Promise<boolean> {
    const [{ version }, latest] = await Promise.all([this.handler.state(queueId), this.latestVersion(queueId)]);
    if (latest === version) return false;
    this.handler.evict(queueId);
    return true;
  }

  async staffSnapshot(officeId: string, date = this.today()): Reply<StaffState> {
    const day = await this.days.day(officeId, date);
    return day ? ok(day.staffState(this.clock())) : fail(officeUnknown(officeId));
  }

  async displaySnapshot(officeId: string, date = this.today()): Reply<DisplayState> {
    const day = await this.days.day(officeId, date);
    return day ? ok(day.displayState(this.clock())) : fail(officeUnknown(officeId));
  }

  async ticketStatus(officeId: string, ticketId: string): Reply<PublicTicketView> {
    const day = await this.days.day(officeId, this.today());
    if (day === undefined) return fail(officeUnknown(officeId));
    const view = day.publicTicket(ticketId, this.clock());
    return view ? ok(view) : fail(notFound('ticket_unknown', { de: 'Diese Wartenummer gibt es heute nicht.', en: 'There is no such ticket today.' }, { ticketId }));
  }
}

/** The ticket a command is about: named in it, or the one it created or called. */
function ticketOfCommand(command: QueueCommand): (handled: Handled<QueueEvent, QueueState>) => string | undefined {
  return (handled) => {
    if ('ticketId' in command.data) return command.data.ticketId;
    const first = handled.events[0];
    if (first !== undefined && 'ticketId' in first.data) return first.data.ticketId;
    if (command.type === 'IssueWalkIn' && command.data.requestId) return handled.state.byRequest[command.data.requestId];
    return undefined;
  };
}
