export * from './booking-http';
export * from './booking-messages';
export * from './booking-tokens';
export * from './analytics';
export * from './frontdesk';
export * from './staff-token';
export * from './check-in-qr';
