import { classifySmtpError, PermanentMailError, TransientMailError } from './mail-errors';

describe('sorting SMTP failures into retry or give up', () => {
  it('treats a 4xx reply as transient', () => {
    const error = classifySmtpError({ code: 'EMESSAGE', responseCode: 451, command: 'DATA' });
    expect(error).toBeInstanceOf(TransientMailError);
    expect(error.reason).toBe('smtp-temporary');
    expect(error.message).toBe('temporary SMTP failure (451)');
  });

  it('treats a 5xx reply at RCPT as a rejected recipient, permanently', () => {
    const error = classifySmtpError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', recipient: 'erika@example.org' });
    expect(error).toBeInstanceOf(PermanentMailError);
    expect(error.reason).toBe('recipient-rejected');
    expect(error.message).toBe('recipient rejected (550)');
  });

  it('treats a 5xx reply to the message as permanent', () => {
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 554, command: 'DATA' }).reason).toBe('message-rejected');
  });

  it('retries a 503 (bad command sequence), which says nothing about the message', () => {
    expect(classifySmtpError({ code: 'EPROTOCOL', responseCode: 503 })).toBeInstanceOf(TransientMailError);
  });

  it('retries connection failures and timeouts', () => {
    expect(classifySmtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }).reason).toBe('connection-failed');
    expect(classifySmtpError({ code: 'ETIMEDOUT' }).reason).toBe('timeout');
    expect(classifySmtpError(new Error('weird')).reason).toBe('unknown');
  });

  it('retries our own authentication failure, even with a 5xx reply: it is configuration, not the citizen', () => {
    const error = classifySmtpError({ code: 'EAUTH', responseCode: 535 });
    expect(error).toBeInstanceOf(TransientMailError);
    expect(error.reason).toBe('auth-failed');
  });

  it('keeps no address, reply text or original error', () => {
    const raw = { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 <erika@example.org> unknown', recipient: 'erika@example.org' };
    const error = classifySmtpError(raw);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('erika');
    expect(error.cause).toBeUndefined();
  });
});
