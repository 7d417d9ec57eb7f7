import { deciderSpec } from '../../test/decider-spec';
import { mailDecider, type EmailFailed, type EmailSent } from './mail';

const spec = deciderSpec(mailDecider);
const ref = { jobId: 'e1.confirmation', kind: 'confirmation' as const, appointmentId: 'a1', reference: 'HBS-1' };
const sent: EmailSent = { type: 'EmailSent', data: { ...ref, messageId: '<e1.confirmation@x>', attempts: 1, sentAt: 1 } };
const failed: EmailFailed = { type: 'EmailFailed', data: { ...ref, reason: 'recipient-rejected', permanent: true, attempts: 1, failedAt: 1 } };

describe('mail outcomes', () => {
  describe('for a job with no outcome yet', () => {
    it('records a sent email', () => void spec.given([]).when({ type: 'RecordEmailSent', data: sent.data }, {}).then([sent]));
    it('records a failure', () => void spec.given([]).when({ type: 'RecordEmailFailed', data: failed.data }, {}).then([failed]));
  });

  describe('for a job already sent', () => {
    it('records a repeated send once only', () => spec.given([sent]).when({ type: 'RecordEmailSent', data: sent.data }, {}).thenNothing());
    it('never records a failure over a success', () => spec.given([sent]).when({ type: 'RecordEmailFailed', data: failed.data }, {}).thenNothing());
  });

  describe('for a job that failed', () => {
    it('does not repeat the failure', () => spec.given([failed]).when({ type: 'RecordEmailFailed', data: failed.data }, {}).thenNothing());
    it('records a later success, so staff see it arrived after all', () => {
      const state = spec.given([failed]).when({ type: 'RecordEmailSent', data: sent.data }, {}).then([sent]);
      expect(state.outcomes[ref.jobId]).toBe('sent');
    });
  });
});
