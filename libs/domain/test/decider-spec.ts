import type { Command, Decider, DomainEvent } from '../src/shared/decider';
import { fold } from '../src/shared/decider';

/**
 * given/when/then for deciders:
 *
 *   spec.given([holdPlaced]).when(confirm).then([appointmentBooked])
 *   spec.given([]).when(confirm).thenFails('hold_unknown')
 *   spec.given([booked]).when(confirmAgain).thenNothing()
 */
export function deciderSpec<C extends Command, E extends DomainEvent, S, Ctx>(decider: Decider<C, E, S, Ctx>) {
  return {
    given(events: readonly E[]) {
      const state = fold(decider.evolve, decider.initialState, events);
      return {
        state,
        when(command: C, context: Ctx) {
          const result = decider.decide(command, state, context);
          return {
            result,
            then(expected: readonly E[]) {
              if (!result.ok) throw new Error(`expected events, got refusal ${result.error.code}: ${result.error.message}`);
              expect(result.value).toEqual(expected);
              return fold(decider.evolve, state, result.value);
            },
            thenFails(code: string, kind?: string) {
              if (result.ok) throw new Error(`expected refusal ${code}, got events ${JSON.stringify(result.value)}`);
              expect(result.error.code).toBe(code);
              if (kind !== undefined) expect(result.error.kind).toBe(kind);
              return result.error;
            },
            thenNothing() {
              if (!result.ok) throw new Error(`expected no events, got refusal ${result.error.code}`);
              expect(result.value).toEqual([]);
            },
          };
        },
      };
    },
  };
}
