export * from './events';
export * from './commands';
export * from './state';
export * from './decide';
export { evolveCalendar } from './evolve';
export { placeAppointment, checkCapacity } from './placement';
export { refuse as calendarRefusals } from './refusals';
export { MAX_HOLD_EXTENSIONS, MAX_HOLD_SPAN } from './decide-hold';
