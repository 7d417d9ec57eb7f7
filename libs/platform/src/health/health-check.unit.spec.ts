import { versionWarnings } from './dependency-checks';
import { runChecks } from './health-check';

describe('runChecks', () => {
  it('is ok only when every check is up', async () => {
    const up = async () => ({ status: 'up' as const });
    expect(await runChecks({ a: up, b: up })).toEqual({ status: 'ok', checks: { a: { status: 'up' }, b: { status: 'up' } } });
    const report = await runChecks({ a: up, b: async () => ({ status: 'down' as const, error: 'gone' }) });
    expect(report.status).toBe('down');
  });

  it('reports a check that throws as down with its message', async () => {
    const report = await runChecks({ redis: async () => Promise.reject(new Error('Connection is closed.')) });
    expect(report).toEqual({ status: 'down', checks: { redis: { status: 'down', error: 'Connection is closed.' } } });
  });

  it('reports a check that hangs as down after the timeout', async () => {
    const started = Date.now();
    const report = await runChecks({ stuck: () => new Promise(() => undefined) }, 50);
    expect(report.checks['stuck']).toEqual({ status: 'down', error: 'no answer within 50 ms' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('JetStream version warnings', () => {
  it('warns below 2.10, where a single server may lose acknowledged events on an OS crash', () => {
    expect(versionWarnings('2.9.10')).toHaveLength(1);
    expect(versionWarnings('1.4.0')).toHaveLength(1);
    expect(versionWarnings('2.10.0')).toEqual([]);
    expect(versionWarnings('2.11.4')).toEqual([]);
    expect(versionWarnings('3.0.0')).toEqual([]);
  });
});
