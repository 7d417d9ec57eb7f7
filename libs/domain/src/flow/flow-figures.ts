import type { CounterSession, FlowFigures, FlowPeriod, Visit } from './types';

export function flowFigures(_visits: readonly Visit[], _period: FlowPeriod, _sessions: readonly CounterSession[] = []): FlowFigures { throw new Error('not implemented'); }
