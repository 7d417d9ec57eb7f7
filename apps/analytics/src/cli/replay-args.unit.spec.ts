import { parseReplayArgs } from './replay-args';

describe('parseReplayArgs', () => {
  it('reads every option', () => {
    const r = parseReplayArgs(['--office', 'hbs', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'csv', '--out', 'x.csv', '--batch-size', '500', '--mode', 'scan']);
    expect(r).toEqual({ ok: true, value: { officeId: 'hbs', from: '2026-11-01', to: '2026-11-30', format: 'csv', out: 'x.csv', batchSize: 500, mode: 'scan' } });
  });

  it('defaults to json, all offices, stdout and auto mode', () => {
    expect(parseReplayArgs(['--from', '2026-11-01', '--to', '2026-11-02'])).toEqual({ ok: true, value: { officeId: undefined, from: '2026-11-01', to: '2026-11-02', format: 'json', out: undefined, batchSize: undefined, mode: 'auto' } });
  });

  it.each([
    [['--from', '2026-11-01'], '--to are required'],
    [['--from', '2026-11-01', '--to', '2026-11-02', '--format', 'xlsx'], 'json or csv'],
    [['--from', '2026-11-01', '--to', '2026-11-02', '--verbose', 'x'], 'unknown option: --verbose'],
    [['--from', '--to', '2026-11-02'], 'missing value: --from'],
    [['--from', '2026-11-01', '--to', '2026-11-02', '--batch-size', '0'], '--batch-size'],
  ])('refuses %j and says why', (argv, message) => {
    const r = parseReplayArgs(argv);
    expect(r.ok ? '' : r.error).toContain(message);
  });
});
