import { invalid, unavailable, type DomainError } from '@app/domain';

export type CaptchaInvalidReason = 'missing' | 'malformed' | 'signature' | 'solution' | 'scope' | 'algorithm';

export function captchaInvalid(reason: CaptchaInvalidReason): DomainError {
  return invalid(
    'captcha_invalid',
    {
      de: 'Die Sicherheitsprüfung (Captcha) ist ungültig. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
      en: 'The security check (captcha) is invalid. Please reload the page and try again.',
    },
    { field: 'altcha', reason },
  );
}

export const captchaExpired = (): DomainError =>
  invalid(
    'captcha_expired',
    {
      de: 'Die Sicherheitsprüfung (Captcha) ist abgelaufen. Bitte bestätigen Sie sie erneut.',
      en: 'The security check (captcha) has expired. Please complete it again.',
    },
    { field: 'altcha' },
  );

export const captchaReused = (): DomainError =>
  invalid(
    'captcha_reused',
    {
      de: 'Diese Sicherheitsprüfung (Captcha) wurde bereits verwendet. Bitte bestätigen Sie sie erneut.',
      en: 'This security check (captcha) has already been used. Please complete it again.',
    },
    { field: 'altcha' },
  );

export const captchaScopeInvalid = (scope: string, purposes: readonly string[]): DomainError =>
  invalid(
    'captcha_scope_invalid',
    {
      de: `Der Parameter "scope" ist ungültig: erwartet "<Zweck>" oder "<Zweck>:<Kennung>", Zweck eines von ${purposes.join(', ')}.`,
      en: `Query parameter "scope" is invalid: expected "<purpose>" or "<purpose>:<id>", purpose one of ${purposes.join(', ')}.`,
    },
    { field: 'scope', value: scope.slice(0, 80) },
  );

export const captchaUnavailable = (): DomainError =>
  unavailable('captcha_unavailable', {
    de: 'Die Sicherheitsprüfung kann gerade nicht bestätigt werden. Bitte versuchen Sie es gleich erneut.',
    en: 'The security check cannot be confirmed right now. Please try again shortly.',
  });
