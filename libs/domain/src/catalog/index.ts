export * from './catalog.schema';
export * from './parse-catalog';
export * from './holidays';
export * from './office-schedule';
export * from './service-selection';
export * from './documents';
