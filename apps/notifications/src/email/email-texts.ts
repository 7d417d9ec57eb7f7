import type { EmailLanguage } from './email-model';

/**
 * Every sentence a citizen reads, in German (Sie-Form) and English. Values arrive already formatted for
 * the language; escaping is the renderer's job, never done here.
 */
export interface EmailTexts {
  greeting(name: string): string;
  subject: {
    activation(office: string, when: string): string;
    confirmation(office: string, when: string): string;
    reminder(office: string, when: string): string;
    rescheduled(office: string, when: string): string;
    cancellation(office: string, when: string): string;
    moveUndone(office: string, when: string): string;
  };
  heading: { activation: string; confirmation: string; reminder: string; rescheduled: string; cancellation: string; moveUndone: string };
  activationIntro(office: string): string;
  activationButton: string;
  activationExpiry(until: string): string;
  activationExpiryUnknown: string;
  activationNotYou: string;
  linkFallback: string;
  confirmationIntro: string;
  reminderIntro(office: string, date: string, time: string): string;
  rescheduledIntro(date: string, time: string): string;
  rescheduledPrevious(previous: string): string;
  cancellationIntro(office: string, date: string, time: string): string;
  cancellationReason(reason: string): string;
  cancellationRebook: string;
  cancellationRebookLink: string;
  cancellationCalendar: string;
  moveUndoneIntro(date: string, time: string): string;
  moveUndoneStands: string;
  moveUndoneHeading: string;
  moveUndoneCalendar: string;
  moveUndoneManage: string;
  moveUndoneLink: string;
  calendarHint: string;
  arriveEarly: string;
  appointmentHeading: string;
  cancelledAppointmentHeading: string;
  labels: { date: string; time: string; place: string; reference: string };
  servicesHeading: string;
  documentsHeading: string;
  documentsNote: string;
  feeHeading: string;
  fee(amount: string): string;
  feeFree: string;
  feeUnknown: string;
  checkInHeading: string;
  checkIn(reference: string): string;
  qrAlt(reference: string): string;
  manageHeading: string;
  manageText: string;
  manageLink: string;
  officeHeading: string;
  phone(phone: string): string;
  openingHeading: string;
  closing(office: string): string[];
  footer: readonly string[];
  calendarTitle(office: string): string;
  calendarFilename: string;
}

const de: EmailTexts = {
  greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  subject: {
    activation: (office, when) => `Bitte bestätigen Sie Ihren Termin im ${office} am ${when}`,
    confirmation: (office, when) => `Ihr Termin im ${office} am ${when}`,
    reminder: (office, when) => `Erinnerung: Ihr Termin im ${office} am ${when}`,
    rescheduled: (office, when) => `Ihr Termin im ${office} wurde verlegt: neu am ${when}`,
    cancellation: (office, when) => `Abgesagt: Ihr Termin im ${office} am ${when}`,
    moveUndone: (office, when) => `Korrektur: Die Verlegung Ihres Termins im ${office} auf ${when} ist nicht zustande gekommen`,
  },
  heading: {
    activation: 'Bitte bestätigen Sie Ihren Termin',
    confirmation: 'Ihr Termin ist gebucht',
    reminder: 'Erinnerung an Ihren Termin',
    rescheduled: 'Ihr Termin wurde verlegt',
    cancellation: 'Ihr Termin wurde abgesagt',
    moveUndone: 'Die Verlegung ist nicht zustande gekommen',
  },
  activationIntro: (office) =>
    `Sie haben online einen Termin im ${office} angefragt. Der Termin ist erst fest für Sie reserviert, wenn Sie ihn bestätigen.`,
  activationButton: 'Termin jetzt bestätigen',
  activationExpiry: (until) => `Bitte bestätigen Sie bis ${until}. Danach geben wir den Termin wieder frei.`,
  activationExpiryUnknown: 'Bitte bestätigen Sie bald. Der Link ist nur kurze Zeit gültig.',
  activationNotYou: 'Sie haben keinen Termin angefragt? Dann müssen Sie nichts tun. Die Anfrage verfällt von selbst.',
  linkFallback: 'Falls der Knopf nicht funktioniert, öffnen Sie diese Adresse in Ihrem Browser:',
  confirmationIntro: 'vielen Dank für Ihre Buchung. Ihr Termin ist fest für Sie reserviert.',
  reminderIntro: (office, date, time) => `wir erinnern Sie an Ihren Termin im ${office} am ${date}, um ${time}.`,
  rescheduledIntro: (date, time) => `Ihr Termin wurde verlegt. Der neue Termin ist am ${date}, um ${time}.`,
  rescheduledPrevious: (previous) => `Der bisherige Termin am ${previous} gilt nicht mehr.`,
  cancellationIntro: (office, date, time) => `Ihr Termin im ${office} am ${date}, um ${time}, wurde abgesagt.`,
  cancellationReason: (reason) => `Grund: ${reason}`,
  cancellationRebook: 'Wenn Sie einen neuen Termin möchten, können Sie ihn online buchen.',
  cancellationRebookLink: 'Neuen Termin buchen',
  cancellationCalendar: 'Mit der angehängten Kalenderdatei (.ics) können Sie den Termin aus Ihrem Kalender entfernen.',
  moveUndoneIntro: (date, time) =>
    `Sie haben eine Nachricht erhalten, dass Ihr Termin auf den ${date}, ${time}, verlegt wurde. Die Verlegung konnte leider nicht abgeschlossen werden: Dieser neue Termin gilt nicht.`,
  moveUndoneStands: 'Ihr bisheriger Termin bleibt bestehen, sofern er nicht inzwischen abgesagt wurde. Was für Sie gilt, sehen Sie jederzeit über den Link unten.',
  moveUndoneHeading: 'Entfallener neuer Termin',
  moveUndoneCalendar: 'Falls Sie den neuen Termin in Ihren Kalender übernommen haben, tragen Sie dort bitte wieder den Termin ein, den der Link zeigt.',
  moveUndoneManage: 'Ihren gültigen Termin ansehen, verlegen oder absagen:',
  moveUndoneLink: 'Meinen Termin ansehen',
  calendarHint: 'Mit der angehängten Kalenderdatei (.ics) können Sie den Termin in Ihren Kalender übernehmen.',
  arriveEarly: 'Bitte kommen Sie etwa fünf Minuten vor Ihrem Termin.',
  appointmentHeading: 'Ihr Termin',
  cancelledAppointmentHeading: 'Abgesagter Termin',
  labels: { date: 'Datum', time: 'Uhrzeit', place: 'Ort', reference: 'Terminnummer' },
  servicesHeading: 'Ihre Anliegen',
  documentsHeading: 'Bitte bringen Sie mit',
  documentsNote: 'Ohne diese Unterlagen können wir Ihr Anliegen möglicherweise nicht bearbeiten.',
  feeHeading: 'Gebühr',
  fee: (amount) => `Die Gebühr beträgt voraussichtlich ${amount}.`,
  feeFree: 'Ihr Anliegen ist gebührenfrei.',
  feeUnknown: 'Die Höhe der Gebühr erfahren Sie am Schalter.',
  checkInHeading: 'Anmeldung vor Ort',
  checkIn: (reference) =>
    `Bitte melden Sie sich bei Ihrer Ankunft am Empfang an. Zeigen Sie dort diesen QR-Code vor oder nennen Sie Ihre Terminnummer ${reference}.`,
  qrAlt: (reference) => `QR-Code für die Anmeldung mit Ihrer Terminnummer ${reference}`,
  manageHeading: 'Termin absagen oder verschieben',
  manageText: 'Wenn Sie den Termin nicht wahrnehmen können, sagen Sie ihn bitte ab. Dann kann jemand anderes ihn nutzen.',
  manageLink: 'Termin absagen oder verschieben',
  officeHeading: 'So finden Sie uns',
  phone: (phone) => `Telefon: ${phone}`,
  openingHeading: 'Öffnungszeiten',
  closing: (office) => ['Mit freundlichen Grüßen', `Ihr ${office}`],
  footer: [
    'Sie erhalten diese E-Mail, weil über unser Online-Terminsystem ein Termin mit Ihrer E-Mail-Adresse angefragt wurde.',
    'Diese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht darauf.',
  ],
  calendarTitle: (office) => `Termin im ${office}`,
  calendarFilename: 'termin.ics',
};

const en: EmailTexts = {
  greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
  subject: {
    activation: (office, when) => `Please confirm your appointment at ${office} on ${when}`,
    confirmation: (office, when) => `Your appointment at ${office} on ${when}`,
    reminder: (office, when) => `Reminder: your appointment at ${office} on ${when}`,
    rescheduled: (office, when) => `Your appointment at ${office} has been moved to ${when}`,
    cancellation: (office, when) => `Cancelled: your appointment at ${office} on ${when}`,
    moveUndone: (office, when) => `Correction: your appointment at ${office} could not be moved to ${when}`,
  },
  heading: {
    activation: 'Please confirm your appointment',
    confirmation: 'Your appointment is booked',
    reminder: 'Reminder of your appointment',
    rescheduled: 'Your appointment has been moved',
    cancellation: 'Your appointment has been cancelled',
    moveUndone: 'The move did not go through',
  },
  activationIntro: (office) =>
    `You have requested an appointment at ${office} online. It is only reserved for you once you confirm it.`,
  activationButton: 'Confirm appointment now',
  activationExpiry: (until) => `Please confirm by ${until}. After that, the time will be released for others.`,
  activationExpiryUnknown: 'Please confirm soon. The link is only valid for a short time.',
  activationNotYou: 'If you did not request an appointment, you need not do anything. The request will expire by itself.',
  linkFallback: 'If the button does not work, open this address in your browser:',
  confirmationIntro: 'Thank you for your booking. Your appointment is reserved for you.',
  reminderIntro: (office, date, time) => `This is a reminder of your appointment at ${office} on ${date} at ${time}.`,
  rescheduledIntro: (date, time) => `Your appointment has been moved. The new appointment is on ${date} at ${time}.`,
  rescheduledPrevious: (previous) => `The previous appointment on ${previous} is no longer valid.`,
  cancellationIntro: (office, date, time) => `Your appointment at ${office} on ${date} at ${time} has been cancelled.`,
  cancellationReason: (reason) => `Reason: ${reason}`,
  cancellationRebook: 'If you would like a new appointment, you can book one online.',
  cancellationRebookLink: 'Book a new appointment',
  cancellationCalendar: 'You can remove the appointment from your calendar with the attached calendar file (.ics).',
  moveUndoneIntro: (date, time) =>
    `You were told that your appointment had been moved to ${date}, ${time}. Unfortunately the move could not be completed: this new appointment is not valid.`,
  moveUndoneStands: 'Your previous appointment still stands unless it has been cancelled in the meantime. The link below always shows what applies to you.',
  moveUndoneHeading: 'New appointment that does not apply',
  moveUndoneCalendar: 'If you added the new appointment to your calendar, please change it back to the appointment the link shows.',
  moveUndoneManage: 'View, move or cancel your valid appointment:',
  moveUndoneLink: 'View my appointment',
  calendarHint: 'You can add the appointment to your calendar with the attached calendar file (.ics).',
  arriveEarly: 'Please arrive about five minutes before your appointment.',
  appointmentHeading: 'Your appointment',
  cancelledAppointmentHeading: 'Cancelled appointment',
  labels: { date: 'Date', time: 'Time', place: 'Place', reference: 'Appointment reference' },
  servicesHeading: 'Your requests',
  documentsHeading: 'Please bring',
  documentsNote: 'Without these documents we may not be able to deal with your request.',
  feeHeading: 'Fee',
  fee: (amount) => `The expected fee is ${amount}.`,
  feeFree: 'There is no fee for your request.',
  feeUnknown: 'You will be told the fee at the counter.',
  checkInHeading: 'Checking in',
  checkIn: (reference) =>
    `When you arrive, please check in at the reception desk. Show this QR code there or give your appointment reference ${reference}.`,
  qrAlt: (reference) => `QR code for checking in with your appointment reference ${reference}`,
  manageHeading: 'Cancel or reschedule',
  manageText: 'If you cannot come, please cancel the appointment so that someone else can use it.',
  manageLink: 'Cancel or reschedule the appointment',
  officeHeading: 'Where to find us',
  phone: (phone) => `Phone: ${phone}`,
  openingHeading: 'Opening hours',
  closing: (office) => ['Kind regards', office],
  footer: [
    'You are receiving this email because an appointment was requested with your email address through our online booking system.',
    'This email was sent automatically. Please do not reply to it.',
  ],
  calendarTitle: (office) => `Appointment at ${office}`,
  calendarFilename: 'appointment.ics',
};

export const EMAIL_TEXTS: Record<EmailLanguage, EmailTexts> = { de, en };
