import type { EmailFailed, EmailSent, MailEvent } from '@app/domain';
import { loadCatalogFile } from '../frontdesk-runtime';
import { officeCatalog, type OfficeCatalog } from '../queue/office-catalog';
import { emailFailureOf, evolveEmailOutcomes, type EmailOutcomes } from './email-failures';
import { OfficeDay } from './office-day';

const ref = (kind: EmailSent['data']['kind'], jobId: string, appointmentId = 'apt-1') => ({ jobId, kind, appointmentId, reference: 'HBS-7K3Q9F' });
const sent = (kind: EmailSent['data']['kind'], jobId: string, at: number, appointmentId?: string): EmailSent => ({
  type: 'EmailSent', data: { ...ref(kind, jobId, appointmentId), messageId: `<${jobId}@schalter>`, attempts: 1, sentAt: at },
});
const failed = (kind: EmailFailed['data']['kind'], jobId: string, at: number, reason = 'recipient-rejected', permanent = true, appointmentId?: string): EmailFailed => ({
  type: 'EmailFailed', data: { ...ref(kind, jobId, appointmentId), reason, permanent, attempts: 1, smtpCode: 550, failedAt: at },
});
const fold = (events: MailEvent[]): EmailOutcomes => events.reduce(evolveEmailOutcomes, new Map() as EmailOutcomes);

describe('email failures of an appointment (fold of the mail aggregate)', () => {
  it('flags a failed confirmation with its reason and permanence', () => {
    expect(emailFailureOf(fold([failed('confirmation', 'e1.confirmation', 100)]), 'apt-1')).toEqual({ kind: 'confirmation', reason: 'recipient-rejected', permanent: true, failedAt: 100 });
  });

  it('clears the flag when a later email of the same kind is sent', () => {
    expect(emailFailureOf(fold([failed('reminder', 'r1', 100, 'smtp-temporary', false), sent('reminder', 'r2', 200)]), 'apt-1')).toBeUndefined();
  });

  it('a sent email of another kind does not clear a failure', () => {
    const outcomes = fold([failed('confirmation', 'c1', 100, 'contact-erased'), sent('reminder', 'r1', 200)]);
    expect(emailFailureOf(outcomes, 'apt-1')).toMatchObject({ kind: 'confirmation', reason: 'contact-erased' });
  });

  it('a failure after a success of the same kind (a new job) flags again', () => {
    expect(emailFailureOf(fold([sent('reminder', 'r1', 100), failed('reminder', 'r2', 200)]), 'apt-1')).toMatchObject({ kind: 'reminder', failedAt: 200 });
  });

  it('ignores a failure of the very job already sent, as the mail decider does', () => {
    expect(emailFailureOf(fold([sent('confirmation', 'c1', 100), failed('confirmation', 'c1', 200)]), 'apt-1')).toBeUndefined();
  });

  it('shows the most recent of several unresolved failures', () => {
    const outcomes = fold([failed('confirmation', 'c1', 100, 'a'), failed('reminder', 'r1', 300, 'b'), failed('activation', 'a1', 200, 'c')]);
    expect(emailFailureOf(outcomes, 'apt-1')).toMatchObject({ kind: 'reminder', reason: 'b' });
  });

  it('ignores cancellation and rescheduled notices, and keeps appointments apart', () => {
    const outcomes = fold([failed('cancellation', 'x1', 100), failed('rescheduled', 'x2', 100), failed('confirmation', 'c9', 100, 'r', true, 'apt-2')]);
    expect(emailFailureOf(outcomes, 'apt-1')).toBeUndefined();
    expect(emailFailureOf(outcomes, 'apt-2')).toMatchObject({ kind: 'confirmation' });
  });
});

describe('OfficeDay with mail commits', () => {
  const catalog = officeCatalog(loadCatalogFile('config/catalog.json'), 'hbs') as OfficeCatalog;
  const booked = {
    id: 'ev-1', type: 'AppointmentBooked',
    data: { appointmentId: 'apt-1', reference: 'HBS-7K3Q9F', start: '09:00', startsAt: Date.UTC(2030, 0, 7, 8), services: [{ serviceId: 'personalausweis', quantity: 1 }] },
  };
  const mailCommit = (version: number, event: MailEvent) => ({ version, events: [{ id: `ev-${version}`, ...event }] });

  it('flags the expected appointment in the staff state only, even when the mail commit came first', () => {
    const day = new OfficeDay('hbs', '2030-01-07', catalog);
    expect(day.applyMail(mailCommit(3, failed('confirmation', 'c1', Date.UTC(2030, 0, 6))))).toBe(true);
    expect(day.applyMail(mailCommit(3, failed('confirmation', 'c1', 0)))).toBe(false); // seen
    day.applyCalendar({ version: 2, events: [booked] });
    const staff = day.staffState(Date.UTC(2030, 0, 7, 7));
    expect(staff.seq).toBe(3);
    expect(staff.expected[0]).toMatchObject({
      appointmentId: 'apt-1', emailFailed: true,
      emailFailure: { kind: 'confirmation', reason: 'recipient-rejected', permanent: true, failedAt: '2030-01-06T00:00:00.000Z' },
    });
    expect(JSON.stringify(day.displayState(0))).not.toMatch(/email|recipient/i);

    day.applyMail(mailCommit(4, sent('confirmation', 'c2', Date.UTC(2030, 0, 6, 1))));
    const cleared = day.staffState(0).expected[0];
    expect(cleared).not.toHaveProperty('emailFailed');
    expect(cleared).not.toHaveProperty('emailFailure');
  });
});
