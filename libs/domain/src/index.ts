export * from './shared/result';
export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/local-time';
export * from './catalog';
export * from './calendar';
export * from './contact';
export * from './availability';
