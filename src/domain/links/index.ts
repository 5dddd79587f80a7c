export * from './links.ts';
export * from './messages.ts';
