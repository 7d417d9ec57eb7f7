export * from './booking-http';
export * from './booking-messages';
export * from './booking-tokens';
