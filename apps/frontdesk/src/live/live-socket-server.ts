import type { Server as HttpServer } from 'node:http';
import { FRONTDESK_SOCKET, verifyStaffToken, type StaffTokenClaims } from '@app/contracts';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Server, type Namespace, type Socket } from 'socket.io';
import type { OfficeDay } from '../day/office-day';
import type { DayChange, LiveDays } from './live-days';

export interface LiveSocketOptions {
  readonly staffTokenSecret: string;
  readonly redisUrl: string;
  /** Redis channel prefix of the Socket.IO adapter (tests use their own). */
  readonly redisKey: string;
  readonly clock: () => number;
  readonly today: () => string;
}

const OFFICE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Socket.IO on the app's HTTP server: `/staff` (token from the gateway, room of the token's office)
 * and `/display` (read-only, room of the office named in the handshake).
 *
 * Pushes are driven by this instance's own tail of the event log and go to this instance's own sockets
 * only (`local`): every instance sees every commit, so relaying pushes over Redis would only deliver
 * them twice. The Redis adapter is still attached so that anything emitted to a room from one instance
 * (and `fetchSockets` across instances) reaches sockets held by the others.
 */
export class LiveSocketServer {
  readonly io: Server;
  private readonly redis: Redis[];

  constructor(
    http: HttpServer,
    private readonly days: LiveDays,
    private readonly options: LiveSocketOptions,
  ) {
    const pub = new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
    const sub = pub.duplicate();
    this.redis = [pub, sub];
    this.io = new Server(http, { path: '/socket.io', serveClient: false, adapter: createAdapter(pub, sub, { key: options.redisKey }) });
    this.setUpStaff(this.io.of(FRONTDESK_SOCKET.staffNamespace));
    this.setUpDisplay(this.io.of(FRONTDESK_SOCKET.displayNamespace));
    days.onChange((day, change) => this.push(day, change));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.io.close(() => resolve()));
    for (const r of this.redis) r.disconnect();
  }

  /**
   * One state per room, built once and encoded once by Socket.IO for all its sockets. The screens go
   * first (a call is what people wait for), and a state nobody here listens to is not built: the
   * staff state lists every ticket of the day and grows with it.
   */
  private push(day: OfficeDay, change: DayChange): void {
    if (day.date !== this.options.today()) return;
    const now = this.options.clock();
    if (change === 'queue') this.emitTo(FRONTDESK_SOCKET.displayNamespace, FRONTDESK_SOCKET.displayRoom(day.officeId), () => day.displayState(now));
    this.emitTo(FRONTDESK_SOCKET.staffNamespace, FRONTDESK_SOCKET.staffRoom(day.officeId), () => day.staffState(now));
  }

  private emitTo(namespace: string, room: string, state: () => unknown): void {
    const nsp = this.io.of(namespace);
    if (!nsp.adapter.rooms.get(room)?.size) return;
    nsp.local.to(room).emit(FRONTDESK_SOCKET.stateEvent, state());
  }

  private setUpStaff(nsp: Namespace): void {
    nsp.use((socket, next) => {
      const verified = verifyStaffToken((socket.handshake.auth as { token?: unknown }).token, this.options.staffTokenSecret, this.options.clock());
      if (!verified.ok || verified.value.role === 'kiosk') return next(Object.assign(new Error('unauthorized'), { data: { code: verified.ok ? 'kiosk_not_allowed' : `token_${verified.error}` } }));
      socket.data.claims = verified.value;
      next();
    });
    nsp.on('connection', (socket: Socket) => {
      const { officeId } = socket.data.claims as StaffTokenClaims;
      void socket.join(FRONTDESK_SOCKET.staffRoom(officeId));
      this.answerSnapshots(socket, officeId, (day) => day.staffState(this.options.clock()));
    });
  }

  private setUpDisplay(nsp: Namespace): void {
    nsp.use((socket, next) => {
      const officeId = (socket.handshake.auth as { officeId?: unknown }).officeId;
      if (typeof officeId !== 'string' || !OFFICE_ID.test(officeId)) return next(Object.assign(new Error('office required'), { data: { code: 'office_required' } }));
      socket.data.officeId = officeId;
      next();
    });
    nsp.on('connection', (socket: Socket) => {
      const officeId = socket.data.officeId as string;
      void socket.join(FRONTDESK_SOCKET.displayRoom(officeId));
      this.answerSnapshots(socket, officeId, (day) => day.displayState(this.options.clock()));
    });
  }

  private answerSnapshots(socket: Socket, officeId: string, view: (day: OfficeDay) => unknown): void {
    socket.on(FRONTDESK_SOCKET.snapshotEvent, async (ack: unknown) => {
      if (typeof ack !== 'function') return;
      try {
        const day = await this.days.day(officeId, this.options.today());
        ack(day ? { ok: true, value: view(day) } : { ok: false, error: { code: 'office_unknown', message: 'Unbekanntes Bürgerbüro / unknown office' } });
      } catch {
        ack({ ok: false, error: { code: 'service_unavailable', message: 'Bitte gleich erneut versuchen / please retry' } });
      }
    });
  }
}
