import { commitIdOf, encodeCommit, pairedId, toEnvelopes } from './commit-codec';
import type { CommitBody, NewEvent } from './event-envelope';
import { UpcasterRegistry } from './upcaster-registry';
import { isUuidv7, uuidv7 } from './uuidv7';

const meta = { correlationId: 'corr-1' };
const at = Date.parse('2026-12-01T08:00:00.000Z');
const booked = { type: 'AppointmentBooked', data: { n: 1 } };
const released = { type: 'HoldReleased', data: { n: 2 }, schemaVersion: 2 };
const decode = (json: string) => JSON.parse(json) as CommitBody;

describe('commit bodies, format 2', () => {
  it('leaves out a generated commit id and schemaVersion 1, and keeps every other version', () => {
    const commitId = uuidv7();
    const body = decode(encodeCommit([booked, released], commitId, true, meta, at));
    expect(Object.keys(body)).toEqual(['occurredAt', 'meta', 'events']);
    expect(body.events.map((e) => Object.keys(e))).toEqual([['id', 'type', 'data'], ['id', 'type', 'schemaVersion', 'data']]);
    expect(body.events[0]!.id).toBe(pairedId(commitId));
    expect(commitIdOf(body)).toBe(commitId);
  });

  it('writes a commit id the caller chose, and a fresh UUIDv7 for every event', () => {
    const body = decode(encodeCommit([booked], 'mail-sent-job-1', false, meta, at));
    expect(body.commitId).toBe('mail-sent-job-1');
    expect(isUuidv7(body.events[0]!.id)).toBe(true);
    expect(commitIdOf(body)).toBe('mail-sent-job-1');
  });

  it('writes exactly what JSON.stringify makes of the body, whatever the caller’s strings and data hold', () => {
    const odd = { correlationId: 'c"\\\n\u2028ü', actor: 'staff:"x"', causationId: undefined };
    const events: NewEvent[] = [
      { type: 'Quoted"Type\\', data: { s: '</script>\u0000', d: new Date(at), nested: [1, null, { u: undefined }] } },
      { type: 'NoData', data: undefined, schemaVersion: 3 },
      { type: 'Scalar', data: 'text' },
    ];
    const json = encodeCommit(events, 'own "id"', false, odd, at);
    const body = decode(json);
    const expected = {
      commitId: 'own "id"',
      occurredAt: new Date(at).toISOString(),
      meta: odd,
      events: [
        { id: body.events[0]!.id, type: events[0]!.type, data: events[0]!.data },
        { id: body.events[1]!.id, type: 'NoData', schemaVersion: 3, data: undefined },
        { id: body.events[2]!.id, type: 'Scalar', data: 'text' },
      ],
    };
    expect(json).toBe(JSON.stringify(expected));
  });

  it('unfolds format-1 and format-2 bodies into the same envelopes', () => {
    const commitId = uuidv7();
    const v2 = decode(encodeCommit([booked, released], commitId, true, meta, at));
    const v1: CommitBody = { commitId, occurredAt: v2.occurredAt, meta, events: v2.events.map((e) => ({ ...e, schemaVersion: e.schemaVersion ?? 1 })) };
    const aggregate = { type: 'calendar', id: 'a' };
    const read = (body: CommitBody) => toEnvelopes({ position: 7, aggregate, body }, new UpcasterRegistry());
    expect(read(v2)).toEqual(read(v1));
    const iso = new Date(at).toISOString();
    expect(read(v2).map((e) => [e.commitId, e.schemaVersion, e.occurredAt])).toEqual([[commitId, 1, iso], [commitId, 2, iso]]);
  });
});

describe('pairedId', () => {
  it('flips only the lowest bit of the last hex digit, both ways, for every digit', () => {
    for (const digit of '0123456789abcdef') {
      const id = `0192e6a0-1c00-7abc-8def-0123456789a${digit}`;
      const paired = pairedId(id);
      expect(paired).not.toBe(id);
      expect(paired.slice(0, -1)).toBe(id.slice(0, -1));
      expect(parseInt(paired.slice(-1), 16) ^ parseInt(digit, 16)).toBe(1);
      expect(isUuidv7(paired)).toBe(true);
      expect(pairedId(paired)).toBe(id);
    }
  });
});
