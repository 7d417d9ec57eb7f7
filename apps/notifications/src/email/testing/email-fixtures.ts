import type { AppointmentEmailModel, EmailKind, EmailLanguage } from '../email-model';

/** 1 December 2026, 09:00–09:30 in Berlin (winter, UTC+1). */
export const WINTER_START = Date.UTC(2026, 11, 1, 8, 0);
/** 14 July 2026, 09:30–10:15 in Berlin (summer, UTC+2). */
export const SUMMER_START = Date.UTC(2026, 6, 14, 7, 30);

const SERVICES: Record<EmailLanguage, AppointmentEmailModel['services']> = {
  de: [
    { name: 'Personalausweis beantragen', quantity: 2 },
    { name: 'Meldebescheinigung', quantity: 1 },
  ],
  en: [
    { name: 'Apply for an identity card', quantity: 2 },
    { name: 'Certificate of registration', quantity: 1 },
  ],
};

const DOCUMENTS: Record<EmailLanguage, string[]> = {
  de: ['Bisheriger Personalausweis oder Reisepass', 'Ein aktuelles biometrisches Passfoto je Ausweis', 'Geburtsurkunde (bei Kindern)'],
  en: ['Current identity card or passport', 'One recent biometric photo per card', 'Birth certificate (for children)'],
};

export function emailModel(kind: EmailKind, language: EmailLanguage, overrides: Partial<AppointmentEmailModel> = {}): AppointmentEmailModel {
  const start = overrides.start ?? WINTER_START;
  return {
    kind,
    language,
    recipient: { name: 'Erika Mustermann', email: 'erika@example.org' },
    reference: 'HBS-7K3Q9F',
    office: {
      name: 'Bürgerbüro Halberstadt',
      addressLines: ['Domplatz 49', '38820 Halberstadt'],
      phone: '03941 551-0',
      openingInfo: language === 'de' ? ['Mo, Mi, Fr 8–12 Uhr', 'Di, Do 8–18 Uhr'] : ['Mon, Wed, Fri 8am–12pm', 'Tue, Thu 8am–6pm'],
    },
    start,
    end: start + 30 * 60_000,
    services: SERVICES[language],
    documents: DOCUMENTS[language],
    feeCents: 7400,
    manageUrl: 'https://termine.halberstadt.example/manage/HBS-7K3Q9F?token=abc',
    ...(kind === 'activation'
      ? { activationUrl: 'https://termine.halberstadt.example/activate/t0k3n', activationExpiresAt: Date.UTC(2026, 10, 24, 18, 30) }
      : {}),
    ...(kind === 'rescheduled' ? { previousStart: Date.UTC(2026, 10, 30, 13, 0), revision: 1 } : {}),
    ...(kind === 'cancellation' ? { bookingUrl: 'https://termine.halberstadt.example/', cancelReason: language === 'de' ? 'Auf Ihren Wunsch' : 'At your request' } : {}),
    ...overrides,
  };
}
