import { HOUR, MIN, at } from './notification.test-kit';
import { DEFAULT_REMINDER_POLICY, reminderAt } from './reminder-time';

describe('reminderAt', () => {
  const start = at('2026-12-01', '09:00');

  it('is the day before at 10:00 Berlin time by default', () => {
    expect(reminderAt(start, at('2026-11-20', '12:00'))).toBe(at('2026-11-30', '10:00'));
  });

  it('follows Berlin wall-clock across the change to summer time', () => {
    const summer = at('2026-03-30', '09:00'); // Monday after the switch on 29 March
    expect(reminderAt(summer, at('2026-03-20', '12:00'))).toBe(Date.UTC(2026, 2, 29, 8, 0)); // 10:00 CEST
  });

  it('catches up shortly after now when the regular time has passed but the appointment is hours away', () => {
    const now = at('2026-11-30', '11:00');
    expect(reminderAt(start, now)).toBe(now + DEFAULT_REMINDER_POLICY.catchUpDelayMs);
  });

  it('sends none when the appointment is two hours away or less', () => {
    expect(reminderAt(start, start - 2 * HOUR)).toBeNull();
    expect(reminderAt(start, start - 2 * HOUR - MIN)).toBe(start - 2 * HOUR - MIN + DEFAULT_REMINDER_POLICY.catchUpDelayMs);
    expect(reminderAt(start, start + HOUR)).toBeNull();
  });

  it('honours a configured policy (two days before at 18:00)', () => {
    const policy = { ...DEFAULT_REMINDER_POLICY, daysBefore: 2, at: '18:00' };
    expect(reminderAt(start, at('2026-11-20', '12:00'), policy)).toBe(at('2026-11-29', '18:00'));
  });

  it('is deterministic: a reconcile before the regular time computes the same instant', () => {
    expect(reminderAt(start, at('2026-11-21', '08:00'))).toBe(reminderAt(start, at('2026-11-29', '23:59')));
  });
});
