export * from './reminder-time';
export * from './mail';
export * from './notification-plan';
export * from './reminder-ledger';
