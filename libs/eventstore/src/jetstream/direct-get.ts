import { Empty, type Msg, type MsgHdrs, type NatsConnection } from 'nats';
import type { RequestMux } from './request-mux';

export const EXPECTED_LAST_SUBJECT_SEQUENCE = 'Nats-Expected-Last-Subject-Sequence';

/** The version a stored commit's append expected (see DirectMessage.previous), from the message's headers. */
export function previousOf(headers: MsgHdrs | undefined): number | undefined {
  const previous = headers?.get(EXPECTED_LAST_SUBJECT_SEQUENCE);
  return previous ? Number(previous) : undefined;
}

/** A message read by direct get. */
export interface DirectMessage {
  readonly subject: string;
  readonly seq: number;
  readonly data: Uint8Array;
  /**
   * The sequence the writer expected as its subject's last (`Nats-Expected-Last-Subject-Sequence`, kept
   * with the message): for a commit the store appended, the previous commit of its aggregate (0: none).
   * Undefined when the message was written without it.
   */
  readonly previous: number | undefined;
}

/** By subject (its last message) or by sequence. No `next_by_subj`: the server scans forward for it. */
export type DirectQuery = { readonly lastBySubject: string } | { readonly seq: number };

/**
 * Direct get (`$JS.API.DIRECT.GET`), answered by any server holding the stream without a consumer.
 * nats 2.29 has `jsm.direct` but leaves it out of the `JetStreamManager` type, and maps 404 to a thrown
 * error; this wrapper is typed and returns `undefined` for "no such message", which is the normal answer
 * for a new aggregate.
 */
export class DirectGet {
  constructor(
    private readonly nc: NatsConnection,
    private readonly stream: string,
    private readonly timeoutMs = 5000,
    private readonly apiPrefix = '$JS.API',
    /** The event store's cheaper request path; without it, the connection's own `request`. */
    private readonly mux?: RequestMux,
  ) {}

  async get(query: DirectQuery): Promise<DirectMessage | undefined> {
    const reply =
      'lastBySubject' in query
        ? await this.request(`${this.apiPrefix}.DIRECT.GET.${this.stream}.${query.lastBySubject}`, Empty)
        : await this.request(`${this.apiPrefix}.DIRECT.GET.${this.stream}`, `{"seq":${query.seq}}`);
    const headers = reply.headers;
    if (headers === undefined) throw new Error('direct get: reply without headers');
    if (headers.code === 404) return undefined;
    if (headers.code !== 0 && (headers.code < 200 || headers.code > 299)) {
      throw new Error(`direct get on ${this.stream} failed: ${headers.code} ${headers.description}`);
    }
    return { subject: headers.get('Nats-Subject'), seq: Number(headers.get('Nats-Sequence')), data: reply.data, previous: previousOf(headers) };
  }

  private request(subject: string, data: Uint8Array | string): Promise<Msg> {
    return this.mux ? this.mux.request(subject, data) : this.nc.request(subject, data, { timeout: this.timeoutMs });
  }
}
