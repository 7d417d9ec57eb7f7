export * from './email-model';
export { composeEmail, type ComposeOptions, DEFAULT_UID_DOMAIN } from './compose-email';
export { appointmentUid, icsMethod, icsSequence } from './appointment-ics';
export { CHECK_IN_QR_PREFIX, checkInQrPayload, parseCheckInQr } from './check-in-qr';
export { formatDate, formatDateTime, formatFee, formatTime, formatTimeRange, OFFICE_TIME_ZONE } from './email-format';
export { isDeliverableAddress } from './email-address';
export * from './mail-errors';
export { SmtpMailer, messageIdFor, type OutgoingEmail, type SendOptions, type SendReceipt, type SmtpMailerOptions } from './smtp-mailer';
export * from './email-delivery';
