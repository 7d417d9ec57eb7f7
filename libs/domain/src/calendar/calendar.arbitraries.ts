import fc from 'fast-check';
import type { Catalog } from '../catalog/catalog.schema';
import type { ServiceLine } from '../catalog/service-selection';
import type { CalendarCommand } from './commands';
import { calendarDecider } from './decide';
import type { CalendarEvent } from './events';
import type { CalendarContext, CalendarState } from './state';
import { catalog as shipped, DAY, MIN, NOW, withBooking } from './calendar.test-kit';

/**
 * Random command histories against Tuesday's calendar, for property tests. Commands pick their
 * targets by index among the holds and appointments that exist so far, so most of them hit
 * something real; the clock only moves forward.
 */
export const serviceSets: readonly (readonly ServiceLine[])[] = [
  [{ serviceId: 'personalausweis', quantity: 1 }],
  [{ serviceId: 'reisepass', quantity: 2 }],
  [{ serviceId: 'anmeldung', quantity: 3 }, { serviceId: 'personalausweis', quantity: 1 }],
  [{ serviceId: 'fuehrungszeugnis', quantity: 1 }],
  [{ serviceId: 'anmeldung', quantity: 6 }],
];

/** 07:30 … 16:15 every 15 minutes: mostly inside Tuesday's hours, some just outside. */
export const gridTimes = Array.from({ length: 36 }, (_, k) => {
  const minute = 7 * 60 + 30 + k * 15;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
});

type Step =
  | { kind: 'hold'; start: number; services: number }
  | { kind: 'extend'; target: number }
  | { kind: 'submit'; target: number; contact: number }
  | { kind: 'activate'; target: number; rightToken: boolean }
  | { kind: 'cancel'; target: number; reason: number }
  | { kind: 'reschedule'; target: number; start: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('hold' as const), start: fc.nat(gridTimes.length - 1), services: fc.nat(serviceSets.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('extend' as const), target: fc.nat(20) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('submit' as const), target: fc.nat(20), contact: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('activate' as const), target: fc.nat(20), rightToken: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), target: fc.nat(20), reason: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), target: fc.nat(20), start: fc.nat(gridTimes.length - 1) }) },
);

export type Setup = 'next-day' | 'same-day';

export interface Scenario {
  readonly setup: Setup;
  readonly startAt: number;
  readonly steps: readonly { readonly step: Step; readonly advanceMinutes: number }[];
}

const sameDay = withBooking({ window: { minDays: 0, maxDays: 60 }, cancelledSlotQuarantineMinutes: 30 });
export const catalogOf = (setup: Setup): Catalog => (setup === 'next-day' ? shipped : sameDay);

/** Starts the day before (window from tomorrow) or the same morning (same-day catalogue: lead time matters). */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .tuple(
    fc.constantFrom({ setup: 'next-day' as const, startAt: NOW }, { setup: 'same-day' as const, startAt: NOW + 22 * 60 * MIN }),
    fc.array(fc.record({ step: stepArb, advanceMinutes: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(15)) }), { minLength: 5, maxLength: 60, size: 'max' }),
  )
  .map(([setup, steps]) => ({ ...setup, steps }));

const pick = <T>(items: readonly T[], index: number): T | undefined => (items.length === 0 ? undefined : items[index % items.length]);
const reasons = ['citizen_request', 'staff_decision', 'office_closure', 'rescheduled'] as const;

function commandFor(step: Step, events: readonly CalendarEvent[]): CalendarCommand | undefined {
  const holdIds = events.flatMap((e) => (e.type === 'HoldPlaced' ? [e.data.holdId] : []));
  const appointmentIds = [...new Set(events.flatMap((e) => (e.type === 'AppointmentRequested' || e.type === 'AppointmentBooked' ? [e.data.appointmentId] : [])))];
  switch (step.kind) {
    case 'hold':
      return { type: 'PlaceHold', data: { officeId: 'hbs', date: DAY, start: gridTimes[step.start], services: serviceSets[step.services] } };
    case 'extend': {
      const holdId = pick(holdIds, step.target);
      return holdId === undefined ? undefined : { type: 'ExtendHold', data: { holdId } };
    }
    case 'submit': {
      const holdId = pick(holdIds, step.target);
      return holdId === undefined ? undefined : {
        type: 'SubmitContact',
        data: { holdId, reference: `REF-${holdId}`, sealedContact: { box: holdId }, contactKey: `ck-${step.contact}`, language: 'de', activationTokenHash: `token-${holdId}` },
      };
    }
    case 'activate': {
      const appointmentId = pick(events.flatMap((e) => (e.type === 'AppointmentRequested' ? [e.data.appointmentId] : [])), step.target);
      const requested = events.find((e) => e.type === 'AppointmentRequested' && e.data.appointmentId === appointmentId);
      const token = requested?.type === 'AppointmentRequested' && step.rightToken ? requested.data.activationTokenHash : 'wrong';
      return appointmentId === undefined ? undefined : { type: 'Activate', data: { appointmentId, tokenHash: token } };
    }
    case 'cancel': {
      const appointmentId = pick(appointmentIds, step.target);
      return appointmentId === undefined ? undefined : { type: 'Cancel', data: { appointmentId, reason: reasons[step.reason], by: 'citizen' } };
    }
    case 'reschedule': {
      const appointmentId = pick(appointmentIds, step.target);
      return appointmentId === undefined ? undefined : { type: 'Reschedule', data: { appointmentId, start: gridTimes[step.start] } };
    }
  }
}

export interface Played {
  readonly events: CalendarEvent[];
  readonly state: CalendarState;
  readonly now: number;
  /** State and time after every accepted or refused step, for invariants that must hold throughout. */
  readonly trace: { state: CalendarState; now: number }[];
}

/** Plays a scenario through decide and evolve, as the command handler would. */
export function play(scenario: Scenario): Played {
  let n = 0;
  let now = scenario.startAt;
  let state = calendarDecider.initialState;
  const events: CalendarEvent[] = [];
  const trace: { state: CalendarState; now: number }[] = [];
  for (const { step, advanceMinutes } of scenario.steps) {
    now += advanceMinutes * MIN;
    const command = commandFor(step, events);
    if (!command) continue;
    const ctx: CalendarContext = { now, catalog: catalogOf(scenario.setup), newId: () => `id-${++n}` };
    const result = calendarDecider.decide(command, state, ctx);
    if (result.ok) {
      events.push(...result.value);
      state = result.value.reduce(calendarDecider.evolve, state);
    }
    trace.push({ state, now });
  }
  return { events, state, now, trace };
}
