import type { ServiceLineBody } from './booking-http';

/**
 * The front desk's NATS request/reply subjects, its Socket.IO channels and the states they push.
 * Every reply is the `{ ok: true, value } | { ok: false, error }` envelope of @app/platform.
 *
 * Every queue command works on the office's queue of *today* (Europe/Berlin, by the frontdesk's clock)
 * and carries the `actor` who gave it; the actor goes into the event metadata as `<role>:<userId>`.
 * The gateway checks that the actor may act for `officeId` before it sends the request.
 */
export const FRONTDESK = {
  checkIn: 'frontdesk.checkin',
  walkIn: 'frontdesk.walkin',
  openCounter: 'frontdesk.counter.open',
  closeCounter: 'frontdesk.counter.close',
  callNext: 'frontdesk.call.next',
  callTicket: 'frontdesk.call.ticket',
  recall: 'frontdesk.ticket.recall',
  park: 'frontdesk.ticket.park',
  unpark: 'frontdesk.ticket.unpark',
  transfer: 'frontdesk.ticket.transfer',
  start: 'frontdesk.ticket.start',
  complete: 'frontdesk.ticket.complete',
  noShow: 'frontdesk.ticket.noshow',
  /** The citizen's own ticket (ticket page): number, status, place in line, estimate. No name. */
  ticketStatus: 'frontdesk.ticket.status',
  staffSnapshot: 'frontdesk.snapshot.staff',
  displaySnapshot: 'frontdesk.snapshot.display',
} as const;

export type FrontdeskSubject = (typeof FRONTDESK)[keyof typeof FRONTDESK];

/** Roles that give queue commands. `kiosk` is a device at the office (check-in, walk-in tickets only). */
export type FrontdeskRole = 'clerk' | 'office_manager' | 'admin' | 'kiosk';

export interface FrontdeskActor {
  /** Staff username or kiosk device id. */
  readonly userId: string;
  readonly role: FrontdeskRole;
}

interface OfficeCommand {
  readonly officeId: string;
  readonly actor: FrontdeskActor;
}

interface TicketCommand extends OfficeCommand {
  readonly ticketId: string;
}

/** Exactly one of `reference` (typed in, e.g. `HBS-7K3Q9F`) or `qr` (the scanned `SCHALTER:<reference>`). */
export type CheckInRequest = OfficeCommand & ({ readonly reference: string; readonly qr?: never } | { readonly qr: string; readonly reference?: never }) & {
  readonly priority?: number;
};

export interface WalkInRequest extends OfficeCommand {
  readonly services: readonly ServiceLineBody[];
  readonly priority?: number;
  /** The kiosk's request id: a repeated request issues no second ticket. [A-Za-z0-9_-]{1,64} */
  readonly requestId?: string;
}

export interface OpenCounterRequest extends OfficeCommand {
  readonly counterId: string;
  /** Without it the counter opens with the services the catalogue gives it. */
  readonly serviceIds?: readonly string[];
}

export interface CounterRequest extends OfficeCommand {
  readonly counterId: string;
}

export interface CallTicketRequest extends TicketCommand {
  readonly counterId: string;
}

export interface TransferRequest extends TicketCommand {
  readonly toServiceIds?: readonly string[];
  readonly toCounterId?: string;
}

export interface CompleteRequest extends TicketCommand {
  /** What was actually done; defaults to the services requested. */
  readonly servicesDone?: readonly ServiceLineBody[];
}

export interface SnapshotRequest {
  readonly officeId: string;
  /** YYYY-MM-DD; today when absent. */
  readonly date?: string;
}

export interface TicketStatusRequest {
  readonly officeId: string;
  readonly ticketId: string;
}

/**
 * Reply of every queue command: the queue's version after it (the `seq` its pushes carry, so a client
 * can tell whether the push it got is newer) and the ticket the command was about, if any. `changed`
 * is false for an idempotent repeat (e.g. a second check-in of the same appointment).
 */
export interface QueueCommandReply {
  readonly officeId: string;
  readonly date: string;
  readonly seq: number;
  readonly changed: boolean;
  readonly ticket?: StaffTicketView;
}

export interface FrontdeskRequests {
  [FRONTDESK.checkIn]: { request: CheckInRequest; reply: QueueCommandReply };
  [FRONTDESK.walkIn]: { request: WalkInRequest; reply: QueueCommandReply };
  [FRONTDESK.openCounter]: { request: OpenCounterRequest; reply: QueueCommandReply };
  [FRONTDESK.closeCounter]: { request: CounterRequest; reply: QueueCommandReply };
  [FRONTDESK.callNext]: { request: CounterRequest; reply: QueueCommandReply };
  [FRONTDESK.callTicket]: { request: CallTicketRequest; reply: QueueCommandReply };
  [FRONTDESK.recall]: { request: TicketCommand; reply: QueueCommandReply };
  [FRONTDESK.park]: { request: TicketCommand; reply: QueueCommandReply };
  [FRONTDESK.unpark]: { request: TicketCommand; reply: QueueCommandReply };
  [FRONTDESK.transfer]: { request: TransferRequest; reply: QueueCommandReply };
  [FRONTDESK.start]: { request: TicketCommand; reply: QueueCommandReply };
  [FRONTDESK.complete]: { request: CompleteRequest; reply: QueueCommandReply };
  [FRONTDESK.noShow]: { request: TicketCommand; reply: QueueCommandReply };
  [FRONTDESK.ticketStatus]: { request: TicketStatusRequest; reply: PublicTicketView };
  [FRONTDESK.staffSnapshot]: { request: SnapshotRequest; reply: StaffState };
  [FRONTDESK.displaySnapshot]: { request: SnapshotRequest; reply: DisplayState };
}

export type FrontdeskRequest<S extends keyof FrontdeskRequests> = FrontdeskRequests[S]['request'];
export type FrontdeskReply<S extends keyof FrontdeskRequests> = FrontdeskRequests[S]['reply'];

// ---------------------------------------------------------------------------------------------------
// Views

export type TicketStatusName = 'waiting' | 'called' | 'serving' | 'parked' | 'completed' | 'no_show';

/** A ticket as staff see it. Never a name: personal data stays sealed in the log. */
export interface StaffTicketView {
  readonly ticketId: string;
  /** `T-012` (booked) or `W-004` (walk-in). */
  readonly number: string;
  readonly kind: 'booked' | 'walk_in';
  readonly status: TicketStatusName;
  readonly services: readonly ServiceLineBody[];
  readonly priority: number;
  /** ISO instants. */
  readonly issuedAt: string;
  readonly dueAt: string;
  readonly counterId?: string;
  /** Times called so far (called tickets). */
  readonly calls?: number;
  /** Minutes waited so far in the current wait (waiting tickets). */
  readonly waitedMinutes?: number;
  /** Expected minutes until called (waiting tickets); absent when no open counter can serve it. */
  readonly estimatedWaitMinutes?: number;
  readonly appointment?: { readonly reference: string; readonly start: string };
}

export interface CounterView {
  readonly counterId: string;
  readonly name: { readonly de: string; readonly en: string };
  readonly status: 'open' | 'closed';
  readonly serviceIds: readonly string[];
  /** Number of the ticket called or served there now. */
  readonly currentTicket?: string;
}

export type ExpectedStatus = 'booked' | 'cancelled' | 'checked_in';

/** An appointment of the day, from the booking events (cancellations and same-day moves included). */
export interface ExpectedAppointmentView {
  readonly appointmentId: string;
  readonly reference: string;
  /** HH:MM, Europe/Berlin. */
  readonly start: string;
  readonly startsAt: string;
  readonly services: readonly ServiceLineBody[];
  readonly status: ExpectedStatus;
  readonly ticketNumber?: string;
  /**
   * Set (true) while the latest activation, confirmation or reminder email of this appointment failed and
   * no later one of that kind was sent: the citizen may not know the time. Staff console only, never on
   * a screen. Absent when nothing failed.
   */
  readonly emailFailed?: boolean;
  /** Details of that failure (present exactly when `emailFailed` is). */
  readonly emailFailure?: EmailFailureView;
}

/** Why an appointment's email was not delivered, from the notifications service's `EmailFailed`. */
export interface EmailFailureView {
  readonly kind: 'activation' | 'confirmation' | 'reminder';
  /** Stable code, e.g. `recipient-rejected`, `smtp-temporary`, `contact-erased`. */
  readonly reason: string;
  /** False when notifications gave up after retries on a temporary error. */
  readonly permanent: boolean;
  /** ISO instant. */
  readonly failedAt: string;
}

/** Pushed on `state` in the staff room, and the ack of `snapshot`. */
export interface StaffState {
  readonly seq: number;
  readonly officeId: string;
  readonly date: string;
  readonly tickets: readonly StaffTicketView[];
  readonly counters: readonly CounterView[];
  readonly expected: readonly ExpectedAppointmentView[];
}

export interface DisplayCall {
  /** Unique per call (the event id): a recall is a new call with the same ticket. */
  readonly callId: string;
  readonly ticket: string;
  readonly counter: string;
  /** The counter's display name (German). */
  readonly counterName: string;
  /** ISO instant. */
  readonly at: string;
  readonly recall: boolean;
}

/**
 * The waiting-room screen's whole state. Ticket numbers and counters only, never a name or reference.
 * `calls` is newest first (at most 10).
 */
export interface DisplayState {
  readonly seq: number;
  readonly officeId: string;
  readonly date: string;
  readonly calls: readonly DisplayCall[];
  readonly waitingCount: number;
  /** For a ticket drawn now, over all services of open counters; null when no counter is open. */
  readonly estimatedWaitMinutes: number | null;
}

/** The citizen's ticket page. */
export interface PublicTicketView {
  readonly seq: number;
  readonly number: string;
  readonly status: TicketStatusName;
  /** Tickets expected to be called before this one. */
  readonly ahead?: number;
  readonly estimatedWaitMinutes?: number;
  readonly counterId?: string;
  readonly counterName?: string;
}

// ---------------------------------------------------------------------------------------------------
// Socket.IO (path `/socket.io`, proxied by the gateway)

/**
 * Namespaces. `/staff`: handshake `auth: { token }` (a staff token, see staff-token.ts); the socket
 * joins the room of the token's office. `/display`: handshake `auth: { officeId }`, read-only.
 */
export const FRONTDESK_SOCKET = {
  staffNamespace: '/staff',
  displayNamespace: '/display',
  staffRoom: (officeId: string) => `staff:${officeId}`,
  displayRoom: (officeId: string) => `display:${officeId}`,
  /** Server → client: the whole current state (`StaffState` or `DisplayState`). */
  stateEvent: 'state',
  /** Client → server with an ack callback: answers the current state. Ask on connect, on reconnect and when `seq` jumps. */
  snapshotEvent: 'snapshot',
} as const;

/**
 * Every push is the whole state with a `seq` taken from the event log, so it is monotonic across
 * instances: display `seq` = the queue aggregate's version (its stream sequence); staff `seq` = the
 * larger of the queue's and the day's calendar aggregate's versions (both are positions in one stream). A client keeps the state with the highest `seq` and ignores older ones. Since each push
 * is the whole state, a missed push costs nothing once the next one arrives; on reconnect the client
 * asks `snapshot`. So no call is lost or shown twice (calls carry `callId`).
 */
export interface StaffServerEvents {
  state: (state: StaffState) => void;
}
export interface StaffClientEvents {
  snapshot: (ack: (reply: { ok: true; value: StaffState } | { ok: false; error: { code: string; message: string } }) => void) => void;
}
export interface DisplayServerEvents {
  state: (state: DisplayState) => void;
}
export interface DisplayClientEvents {
  snapshot: (ack: (reply: { ok: true; value: DisplayState } | { ok: false; error: { code: string; message: string } }) => void) => void;
}

/** Keeps the newer of two states; equal `seq` means the same state. */
export function newerState<T extends { readonly seq: number }>(current: T | undefined, incoming: T): T {
  return current === undefined || incoming.seq > current.seq ? incoming : current;
}
