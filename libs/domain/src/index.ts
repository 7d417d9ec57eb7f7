export * from './shared/result';
export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/local-time';
