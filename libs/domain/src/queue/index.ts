export * from './catalog-view';
// `ServiceLine` has the same shape as the catalogue's; it is exported under a queue name so the two
// flat re-exports in libs/domain/src/index.ts do not clash.
export type {
  AppointmentRef, BookedCustomerCheckedIn, CallReason, CounterClosed, CounterOpened, CounterServicesChanged, QueueEvent,
  QueueEventType, ServiceCompleted, ServiceLine as QueueServiceLine, ServiceStarted, TicketCalled, TicketKind, TicketNoShow,
  TicketParked, TicketRecalled, TicketTransferred, TicketUnparked, WalkInTicketIssued,
} from './events';
export * from './commands';
export * from './state';
export * from './call-policy';
export * from './refusals';
export * from './decide';
export * from './evolve';
export * from './wait-estimate';
export { validateServices as validateQueueServices } from './decide-arrival';
