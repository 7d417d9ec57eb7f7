import { type DomainError, forbidden, unauthorized } from '@app/domain';

export const loginRequired = (): DomainError =>
  unauthorized('staff_login_required', {
    de: 'Bitte melden Sie sich an (oder die Sitzung ist abgelaufen).',
    en: 'Please sign in (or your session has expired).',
  });

export const loginFailed = (): DomainError =>
  unauthorized('staff_login_failed', {
    de: 'Benutzername oder Passwort ist falsch.',
    en: 'The user name or password is wrong.',
  });

export const csrfHeaderMissing = (): DomainError =>
  forbidden('csrf_header_missing', {
    de: 'Die Anfrage kam nicht von der Mitarbeiteroberfläche (Kopfzeile X-Requested-With fehlt).',
    en: 'The request did not come from the staff pages (X-Requested-With header missing).',
  });

export const roleForbidden = (role: string): DomainError =>
  forbidden(
    'staff_role_forbidden',
    { de: 'Ihre Rolle darf diese Aktion nicht ausführen.', en: 'Your role may not do this.' },
    { role },
  );

export const officeForbidden = (officeId: string): DomainError =>
  forbidden(
    'staff_office_forbidden',
    { de: 'Sie dürfen nur für Ihr eigenes Bürgerbüro handeln.', en: 'You may act only for your own office.' },
    { officeId },
  );

export const kioskTokenInvalid = (): DomainError =>
  unauthorized('kiosk_token_invalid', {
    de: 'Dieses Gerät ist nicht als Kiosk freigeschaltet.',
    en: 'This device is not registered as a kiosk.',
  });
