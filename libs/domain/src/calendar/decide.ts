import { assertNever, type Decider } from '../shared/decider';
import type { DomainError } from '../shared/domain-error';
import type { Result } from '../shared/result';
import type { CalendarCommand } from './commands';
import type { CalendarEvent } from './events';
import { evolveCalendar } from './evolve';
import { activate, confirmReschedule, placeHold, submitContact } from './decide-booking';
import { cancel, reschedule } from './decide-change';
import { extendHold } from './decide-hold';
import { initialCalendarState, type CalendarContext, type CalendarState } from './state';

/**
 * The calendar of one office and day. Holds and unactivated appointments expire by time alone:
 * there is no timer and no expiry event; every decision reads them against `now`.
 */
export function decideCalendar(command: CalendarCommand, state: CalendarState, ctx: CalendarContext): Result<readonly CalendarEvent[], DomainError> {
  switch (command.type) {
    case 'PlaceHold':
      return placeHold(command, state, ctx);
    case 'ExtendHold':
      return extendHold(command, state, ctx);
    case 'SubmitContact':
      return submitContact(command, state, ctx);
    case 'Activate':
      return activate(command, state, ctx);
    case 'Cancel':
      return cancel(command, state, ctx);
    case 'Reschedule':
      return reschedule(command, state, ctx);
    case 'ConfirmReschedule':
      return confirmReschedule(command, state, ctx);
    default:
      return assertNever(command);
  }
}

export const calendarDecider: Decider<CalendarCommand, CalendarEvent, CalendarState, CalendarContext> = {
  initialState: initialCalendarState,
  decide: decideCalendar,
  evolve: evolveCalendar,
};
