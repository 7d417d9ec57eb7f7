import fc from 'fast-check';
import { sequences, sequencesAfter } from './range-reader';

describe('sequences of a JetStream reply subject', () => {
  it('reads in place what the split reads, for any sequences', () => {
    const seq = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(seq, seq, seq, fc.integer({ min: 0, max: 1e6 }), (delivered, sseq, dseq, pending) => {
        const prefix = '$JS.ACK.EVENTS.replay_1a2b.';
        const reply = `${prefix}${delivered}.${sseq}.${dseq}.1732480000000000000.${pending}`;
        expect(sequencesAfter(reply, prefix.length)).toEqual([sseq, dseq]);
        expect(sequences(reply)).toEqual([sseq, dseq]);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the 12-token form with domain, account hash and a trailing token', () => {
    expect(sequences('$JS.ACK.hub.ACCHASH.EVENTS.replay.1.42.7.1732480000000000000.0.xyz')).toEqual([42, 7]);
  });
});
