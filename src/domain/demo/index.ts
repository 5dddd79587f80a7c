export { generateTrust, demoLimits, type DemoOptions } from './trust.ts';
export { demoRoles, demoSignInNote } from './sign-in-note.ts';
export { everyone, type DemoCarerLink, type DemoPerson, type DemoSchool, type DemoTrust } from './types.ts';
export { rosterFiles } from './roster-files.ts';
