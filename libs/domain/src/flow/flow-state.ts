import type { FlowEvent } from './types';

export interface FlowState { readonly lastPosition: number }
export function initialFlowState(): FlowState { throw new Error('not implemented'); }
export function evolveFlow(state: FlowState, _event: FlowEvent): FlowState { return state; }
export function evolveFlowBatch(state: FlowState, _events: Iterable<FlowEvent>): FlowState { return state; }
