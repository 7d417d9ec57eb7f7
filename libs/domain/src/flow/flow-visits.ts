import type { FlowState } from './flow-state';
import type { CounterSession, Visit } from './types';

export function flowVisits(_state: FlowState): Visit[] { throw new Error('not implemented'); }
export function flowCounterSessions(_state: FlowState): CounterSession[] { throw new Error('not implemented'); }
