import { deciderSpec } from '../../test/decider-spec';
import type { ExtendHold } from './commands';
import { calendarDecider } from './decide';
import { at, ausweis, context, DAY, heldAt, history, MIN, NOW, placeHold, submitContact } from './calendar.test-kit';

const spec = deciderSpec(calendarDecider);
const extend = (holdId = 'h1'): ExtendHold => ({ type: 'ExtendHold', data: { holdId } });
const held = heldAt('09:00', 'h1');
const place = { officeId: 'hbs', date: DAY, start: '09:00', end: '09:15', startsAt: at(DAY, '09:00'), endsAt: at(DAY, '09:15'), slots: ['09:00'], services: ausweis, minutes: 15 };

describe('ExtendHold on a live hold', () => {
  it('gives another hold time from now and counts the extension', () => {
    spec.given(held).when(extend(), context(NOW + 9 * MIN)).then([{
      type: 'HoldExtended',
      data: { holdId: 'h1', ...place, placedAt: NOW, expiresAt: NOW + 19 * MIN, extendedAt: NOW + 9 * MIN, extensions: 1 },
    }]);
  });

  it('keeps the slot taken until the new expiry', () => {
    const extended = history([[extend(), context(NOW + 9 * MIN)]], [...held, ...heldAt('09:00', 'h2', ausweis, NOW + 5 * MIN)]);
    spec.given(extended).when(placeHold('09:00'), context(NOW + 12 * MIN)).thenFails('no_capacity');
    spec.given(extended).when(placeHold('09:00'), context(NOW + 19 * MIN)).then([expect.anything() as never]);
  });

  it('extends a second time, from the moment it is asked', () => {
    const twice = history([[extend(), context(NOW + 9 * MIN)]], held);
    const { result } = spec.given(twice).when(extend(), context(NOW + 18 * MIN));
    expect(result).toMatchObject({ ok: true, value: [{ data: { expiresAt: NOW + 28 * MIN, extensions: 2 } }] });
    const late = history([[extend(), context(NOW + 9 * MIN)], [extend(), context(NOW + 19 * MIN - 1)]], held);
    expect(late.at(-1)).toMatchObject({ data: { expiresAt: NOW + 29 * MIN - 1 } });
  });

  it('refuses a third extension', () => {
    const twice = history([[extend(), context(NOW + 5 * MIN)], [extend(), context(NOW + 10 * MIN)]], held);
    spec.given(twice).when(extend(), context(NOW + 15 * MIN)).thenFails('hold_extension_limit', 'conflict');
  });

  it('changes nothing when repeated at the same moment', () => {
    const once = history([[extend(), context(NOW + 9 * MIN)]], held);
    spec.given(once).when(extend(), context(NOW + 9 * MIN)).thenNothing();
    spec.given(held).when(extend(), context(NOW)).thenNothing();
  });
});

describe('ExtendHold on a hold that is gone', () => {
  it('refuses an expired hold', () => {
    spec.given(held).when(extend(), context(NOW + 10 * MIN)).thenFails('hold_expired', 'conflict');
  });

  it('refuses an unknown hold, also on a new calendar', () => {
    spec.given(held).when(extend('nope'), context()).thenFails('hold_unknown', 'not_found');
    spec.given([]).when(extend(), context()).thenFails('hold_unknown');
  });

  it('refuses a hold already turned into an appointment', () => {
    spec.given(history([[submitContact('h1'), context()]], held)).when(extend(), context()).thenFails('hold_used');
  });

  it('lets contact data be given within the extended time', () => {
    const extended = history([[extend(), context(NOW + 9 * MIN)]], held);
    const { result } = spec.given(extended).when(submitContact('h1'), context(NOW + 15 * MIN));
    expect(result).toMatchObject({ ok: true, value: [{ type: 'AppointmentRequested', data: { holdId: 'h1', start: '09:00' } }] });
    expect(result.ok && Object.keys(result.value[0]!.data)).not.toContain('extensions');
  });
});
