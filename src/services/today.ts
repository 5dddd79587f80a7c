// Today, as the school counts days.
import { schoolDay } from '../domain/calendar/school-day.ts';
import type { Clock } from './ports.ts';

export function today(clock: Clock): string {
  return schoolDay(clock.now());
}
