import { progressSink } from './progress-bar';

function capture() {
  const chunks: string[] = [];
  return { stream: { write: (c: string) => chunks.push(c) } as unknown as NodeJS.WriteStream, chunks };
}

describe('progressSink', () => {
  it('redraws one bar in place on a terminal, with rate and ETA', () => {
    let now = 0;
    const { stream, chunks } = capture();
    const sink = progressSink(stream, { tty: true, now: () => now });
    now = 2000;
    sink.report({ read: 10_000, used: 9_000, fraction: 0.25 });
    expect(chunks[0]).toMatch(/^\r\[#{8}-{22}\] {2}25\.0 % {2}10\.000 Ereignisse {2}5\.000\/s {2}ETA 00:06/);
  });

  it('writes plain lines at most every interval in CI, and a summary at the end', () => {
    let now = 0;
    const { stream, chunks } = capture();
    const sink = progressSink(stream, { tty: false, now: () => now, plainEveryMs: 1000 });
    now = 500;
    sink.report({ read: 100, used: 100, fraction: 0.1 });
    now = 900;
    sink.report({ read: 200, used: 200, fraction: 0.2 });
    now = 1600;
    sink.report({ read: 300, used: 300, fraction: 0.3 });
    sink.done({ read: 1000, used: 900 });
    expect(chunks).toEqual([
      'replay 10.0 % read=100 used=100 rate=200/s eta=00:05\n',
      'replay 30.0 % read=300 used=300 rate=188/s eta=00:04\n',
      'replay done: 1000 events read, 900 used, 1.6 s, 625/s\n',
    ]);
  });
});
