import { fail, ok, type Result } from '../shared/result';
import type { DomainError } from '../shared/domain-error';
import { findOffice } from '../catalog/office-schedule';
import type { ExtendHold } from './commands';
import type { CalendarEvent, HoldExtended } from './events';
import { refuse } from './refusals';
import { appointmentByHold, holdIsLive, holdPlace, type CalendarContext, type CalendarState } from './state';

const MINUTE = 60_000;

/** At most this many extensions per hold. */
export const MAX_HOLD_EXTENSIONS = 2;
/** A hold never lasts longer than this many hold times from its placing, however it was extended. */
export const MAX_HOLD_SPAN = 3;

/**
 * Gives a live hold another hold time from `now`, at most `MAX_HOLD_EXTENSIONS` times and never beyond
 * `placedAt + MAX_HOLD_SPAN × holdMinutes`. The cap keeps one citizen from sitting on a slot
 * indefinitely while still giving a slow typist (or a screen-reader user) up to three hold times.
 * (With two extensions, each asked before expiry, the span bound cannot bind; it stays as the stated
 * outer limit should the count ever be raised.)
 * The slots stay the same, so capacity is not checked again: the hold already counts where it is.
 * An extension that would not move the expiry (asked twice at once) changes nothing.
 */
export function extendHold(command: ExtendHold, state: CalendarState, ctx: CalendarContext): Result<readonly CalendarEvent[], DomainError> {
  const { holdId } = command.data;
  if (state.status === 'new') return fail(refuse.holdUnknown(holdId));
  const hold = state.holds[holdId];
  if (!hold) return fail(appointmentByHold(state, holdId) ? refuse.holdUsed(holdId) : refuse.holdUnknown(holdId));
  if (!holdIsLive(hold, ctx.now)) return fail(refuse.holdExpired(holdId));
  const office = findOffice(ctx.catalog, hold.officeId);
  if (!office) return fail(refuse.unknownOffice(hold.officeId));
  const holdTime = office.booking.holdMinutes * MINUTE;
  const expiresAt = Math.min(ctx.now + holdTime, hold.placedAt + MAX_HOLD_SPAN * holdTime);
  if (expiresAt <= hold.expiresAt) return ok([]);
  if (hold.extensions >= MAX_HOLD_EXTENSIONS) return fail(refuse.holdExtensionLimit(holdId, MAX_HOLD_EXTENSIONS));
  const event: HoldExtended = {
    type: 'HoldExtended',
    data: { ...holdPlace(hold), placedAt: hold.placedAt, expiresAt, extendedAt: ctx.now, extensions: hold.extensions + 1 },
  };
  return ok([event]);
}
