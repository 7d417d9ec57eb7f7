import { Test } from '@nestjs/testing';
import { EmailModule, parseMailbox, smtpMailerOptions } from './email.module';
import { SmtpMailer } from './smtp-mailer';

describe('EmailModule', () => {
  it('reads the From mailbox the way config.ts writes it', () => {
    expect(parseMailbox('Bürgerbüro Halberstadt <buergerbuero@halberstadt.example>')).toEqual({
      name: 'Bürgerbüro Halberstadt',
      email: 'buergerbuero@halberstadt.example',
    });
    expect(parseMailbox('"Stadt, Bürgerbüro" <b@h.example>')).toEqual({ name: 'Stadt, Bürgerbüro', email: 'b@h.example' });
    expect(parseMailbox('b@h.example')).toEqual({ name: '', email: 'b@h.example' });
  });

  it('adds credentials only when a user is configured', () => {
    const base = { SMTP_HOST: 'smtp.example', SMTP_PORT: 587, SMTP_SECURE: false, SMTP_FROM: 'B <b@h.example>' };
    expect(smtpMailerOptions(base).auth).toBeUndefined();
    expect(smtpMailerOptions({ ...base, SMTP_USER: 'u', SMTP_PASS: 'p' }).auth).toEqual({ user: 'u', pass: 'p' });
  });

  it('provides one SmtpMailer and closes it with the app', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [EmailModule.forRoot(smtpMailerOptions({ SMTP_HOST: '127.0.0.1', SMTP_PORT: 1, SMTP_SECURE: false, SMTP_FROM: 'B <b@h.example>' }))],
    }).compile();
    const mailer = moduleRef.get(SmtpMailer);
    expect(mailer).toBeInstanceOf(SmtpMailer);
    const close = jest.spyOn(mailer, 'close');
    await moduleRef.close();
    expect(close).toHaveBeenCalledTimes(1);
  });
});
