import { packBatch, transferables } from './packed-batch';

const message = (seq: number, subject: string, body: unknown) => ({ seq, subject, data: Buffer.from(JSON.stringify(body)) });

describe('packBatch', () => {
  it('given commit messages, when packed, then the bodies parse as one JSON array beside their sequences and subjects', () => {
    const messages = [message(7, 'ev.calendar.hbs-2026-12-01', { events: [{ type: 'A', data: { text: 'Größe ✓' } }] }), message(9, 'ev.queue.hbs-2026-12-01', { events: [] })];
    const packed = packBatch(messages);
    expect(JSON.parse(Buffer.from(packed.json).toString('utf8'))).toEqual([{ events: [{ type: 'A', data: { text: 'Größe ✓' } }] }, { events: [] }]);
    expect([...packed.seqs]).toEqual([7, 9]);
    expect(packed.subjects.split('\n')).toEqual(['ev.calendar.hbs-2026-12-01', 'ev.queue.hbs-2026-12-01']);
  });

  it('given no message, when packed, then it is an empty array', () => {
    const packed = packBatch([]);
    expect(JSON.parse(Buffer.from(packed.json).toString('utf8'))).toEqual([]);
    expect(packed.seqs).toHaveLength(0);
  });

  it('given a packed batch, then its buffers can be transferred and are exactly its own bytes', () => {
    const packed = packBatch([message(1, 's.a.b', { n: 1 })]);
    const [json, seqs] = transferables(packed);
    expect(json!.byteLength).toBe(packed.json.length);
    expect(seqs!.byteLength).toBe(8);
  });
});
