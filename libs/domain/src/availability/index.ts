export * from './availability';
