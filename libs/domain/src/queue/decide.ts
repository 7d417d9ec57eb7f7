import { assertNever, type Decider } from '../shared/decider';
import type { DomainError } from '../shared/domain-error';
import type { Result } from '../shared/result';
import type { QueueContext } from './catalog-view';
import type { QueueCommand } from './commands';
import { decideCheckIn, decideIssueWalkIn } from './decide-arrival';
import { decideCallNext, decideCallTicket, decideCloseCounter, decideOpenCounter } from './decide-counter';
import {
  decideCompleteService, decideMarkNoShow, decidePark, decideRecall, decideStartService, decideTransfer, decideUnpark,
} from './decide-ticket';
import type { QueueEvent } from './events';
import { evolveQueue } from './evolve';
import { initialQueueState, type QueueState } from './state';

/**
 * The day's queue of one office (aggregate id `<officeId>-<YYYY-MM-DD>`). An empty list of events is an
 * idempotent repeat ("already done"); a refusal carries a stable code (see refusals.ts).
 */
export function decideQueue(command: QueueCommand, state: QueueState, context: QueueContext): Result<readonly QueueEvent[], DomainError> {
  switch (command.type) {
    case 'CheckIn': return decideCheckIn(command, state, context);
    case 'IssueWalkIn': return decideIssueWalkIn(command, state, context);
    case 'OpenCounter': return decideOpenCounter(command, state, context);
    case 'CloseCounter': return decideCloseCounter(command, state, context);
    case 'CallNext': return decideCallNext(command, state, context);
    case 'CallTicket': return decideCallTicket(command, state, context);
    case 'Recall': return decideRecall(command, state, context);
    case 'Park': return decidePark(command, state, context);
    case 'Unpark': return decideUnpark(command, state, context);
    case 'Transfer': return decideTransfer(command, state, context);
    case 'StartService': return decideStartService(command, state, context);
    case 'CompleteService': return decideCompleteService(command, state, context);
    case 'MarkNoShow': return decideMarkNoShow(command, state, context);
    default: return assertNever(command);
  }
}

export const queueDecider: Decider<QueueCommand, QueueEvent, QueueState, QueueContext> = {
  initialState: initialQueueState,
  decide: decideQueue,
  evolve: evolveQueue,
};
