export { generateTrust, demoLimits, type DemoOptions } from './trust.ts';
export { demoSignInNote } from './sign-in-note.ts';
export { everyone, type DemoCarerLink, type DemoPerson, type DemoSchool, type DemoTrust } from './types.ts';
