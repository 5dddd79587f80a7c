export { scheduledJobs, type ScheduledJob } from './schedule.ts';
export { runJob, startJobs, tick } from './runner.ts';
