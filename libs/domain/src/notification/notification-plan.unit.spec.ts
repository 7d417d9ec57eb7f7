import { eventJobId, notificationsFor, reminderJobId, revisionAt, type NotificationAction } from './notification-plan';
import { at, booked, cancelled, HOUR, requested, rescheduled } from './notification.test-kit';
import { ReminderLedger } from './reminder-ledger';
import type { EmailSent } from './mail';

const NOW = at('2026-11-20', '12:01');
const plan = (event: Parameters<typeof notificationsFor>[0], now = NOW) => notificationsFor(event, { eventId: 'ev1', now });
const summary = (actions: NotificationAction[]) =>
  actions.map((a) => (a.type === 'drop-reminder' ? `drop ${a.jobId}` : `${a.type} ${a.job.kind} ${a.job.jobId}`));

describe('notificationsFor', () => {
  it('AppointmentRequested: sends the activation email with its expiry', () => {
    const actions = plan(requested(), at('2026-11-20', '12:00'));
    expect(summary(actions)).toEqual(['send activation ev1.activation']);
    expect(actions[0].type === 'send' && actions[0].job.details.activationExpiresAt).toBe(at('2026-11-20', '12:30'));
  });

  it('AppointmentRequested: no activation email once the link has expired', () => {
    expect(plan(requested(), at('2026-11-20', '12:31'))).toEqual([]);
  });

  it('AppointmentBooked: a confirmation and a reminder the day before at 10:00', () => {
    const actions = plan(booked());
    expect(summary(actions)).toEqual(['send confirmation ev1.confirmation', `schedule-reminder reminder ${reminderJobId('appt-1', at('2026-12-01', '09:00'))}`]);
    expect(actions[1].type === 'schedule-reminder' && actions[1].dueAt).toBe(at('2026-11-30', '10:00'));
  });

  it('AppointmentBooked from another day: a reschedule notice instead of a confirmation, with a higher revision', () => {
    const actions = plan(booked('09:00', { rescheduledFrom: { date: '2026-11-28', appointmentId: 'old' } }));
    expect(summary(actions)[0]).toBe('send rescheduled ev1.rescheduled');
    expect(actions[0].type === 'send' && actions[0].job.revision).toBeGreaterThan(0);
  });

  it('AppointmentBooked less than two hours ahead: a confirmation, no reminder', () => {
    expect(summary(plan(booked('09:00', { bookedAt: at('2026-12-01', '07:29') }), at('2026-12-01', '07:30')))).toEqual(['send confirmation ev1.confirmation']);
  });

  it('AppointmentCancelled: removes the reminder and sends the cancellation notice', () => {
    const actions = plan(cancelled(), at('2026-11-25', '08:00'));
    expect(summary(actions)).toEqual([`drop ${reminderJobId('appt-1', at('2026-12-01', '09:00'))}`, 'send cancellation ev1.cancellation']);
    expect(actions[1].type === 'send' && actions[1].job.revision).toBe(revisionAt(at('2026-11-25', '08:00')));
  });

  it('AppointmentCancelled as part of a move to another day, or before activation: only removes the reminder', () => {
    expect(plan(cancelled({ reason: 'rescheduled', by: 'citizen' }))).toHaveLength(1);
    expect(plan(cancelled({ wasBooked: false }))).toHaveLength(1);
  });

  it('given a move whose target was booked, when the system cancels the target again (move undone), then a correction goes out', () => {
    const actions = plan(cancelled({ reason: 'rescheduled', by: 'system' }));
    expect(summary(actions)).toEqual([`drop ${reminderJobId('appt-1', at('2026-12-01', '09:00'))}`, 'send cancellation ev1.cancellation']);
    expect(actions[1].type === 'send' && actions[1].job.details).toEqual({ moveUndone: true });
  });

  it('given a move undone long ago, when a new consumer reads the log, then no correction is mailed', () => {
    expect(summary(plan(cancelled({ reason: 'rescheduled', by: 'system' }), at('2026-11-30', '08:00')))).toHaveLength(1);
  });

  it('AppointmentRescheduled: old reminder out, notice with the previous start, new reminder in', () => {
    const actions = plan(rescheduled('11:00'), at('2026-11-26', '15:00'));
    expect(summary(actions)).toEqual([
      `drop ${reminderJobId('appt-1', at('2026-12-01', '09:00'))}`,
      'send rescheduled ev1.rescheduled',
      `schedule-reminder reminder ${reminderJobId('appt-1', at('2026-12-01', '11:00'))}`,
    ]);
    expect(actions[1].type === 'send' && actions[1].job.details.previousStartsAt).toBe(at('2026-12-01', '09:00'));
  });

  it('sends nothing immediate for an event older than 48 hours (a new consumer reading an old log)', () => {
    expect(summary(plan(booked(), at('2026-11-22', '12:01')))).toEqual([`schedule-reminder reminder ${reminderJobId('appt-1', at('2026-12-01', '09:00'))}`]);
  });

  it('gives a redelivered event the same job ids', () => {
    expect(plan(booked())).toEqual(plan(booked()));
    expect(eventJobId('ev1', 'confirmation')).toBe('ev1.confirmation');
  });
});

describe('ReminderLedger', () => {
  const sentReminder = (jobId: string): EmailSent => ({
    type: 'EmailSent', data: { jobId, kind: 'reminder', appointmentId: 'appt-1', reference: 'r', messageId: 'm', attempts: 1, sentAt: 0 },
  });

  it('rebuilds the pending reminder of a booked appointment', () => {
    const ledger = new ReminderLedger();
    ledger.apply(booked());
    expect(ledger.pending(NOW).map((p) => [p.job.jobId, p.dueAt])).toEqual([[reminderJobId('appt-1', at('2026-12-01', '09:00')), at('2026-11-30', '10:00')]]);
  });

  it('follows a reschedule and drops a cancelled appointment', () => {
    const ledger = new ReminderLedger();
    ledger.apply(booked());
    ledger.apply(rescheduled('11:00'));
    expect(ledger.pending(NOW).map((p) => p.job.appointment.startsAt)).toEqual([at('2026-12-01', '11:00')]);
    ledger.apply(cancelled());
    expect(ledger.pending(NOW)).toEqual([]);
  });

  it('never plans a reminder whose outcome is recorded, nor one too close to the appointment', () => {
    const ledger = new ReminderLedger();
    ledger.apply(booked());
    ledger.apply(booked('10:00', { appointmentId: 'appt-2' }));
    ledger.apply(sentReminder(reminderJobId('appt-1', at('2026-12-01', '09:00'))));
    expect(ledger.pending(NOW).map((p) => p.job.appointment.appointmentId)).toEqual(['appt-2']);
    expect(ledger.pending(at('2026-12-01', '08:30'))).toEqual([]);
    expect(ledger.pending(at('2026-12-01', '08:30') - 2 * HOUR).length).toBe(1);
  });
});
