/**
 * Customer flow: a pure projection of calendar and queue events into visits and their figures, and a
 * what-if simulation of a recorded day under the real call policy. For analytics only; no personal data.
 *
 *   const state = initialFlowState();
 *   for (const e of events) evolveFlow(state, e);          // or evolveFlowBatch(state, batch)
 *   const figures = flowFigures(flowVisits(state), { from, to }, flowCounterSessions(state));
 *   const same = flowStateFigures(state, { from, to });   // the same bytes, without copying the visits
 *   const csv = visitsToCsv(flowVisits(state));
 *   const result = simulateWhatIf(whatIfArrivals(visits, { officeId, date }), { counters: 3, serviceTimes });
 */
export type {
  CounterSession, CounterUtilisation, FlowDistribution, FlowEvent, FlowFigures, FlowPeriod, FlowServiceLine, ServiceSegment,
  Visit, VisitOutcome, WaitSummary, WhatIfArrival, WhatIfCounter, WhatIfOptions, WhatIfResult, WhatIfVisit,
} from './types';
export { initialFlowState, evolveFlow, evolveFlowBatch, type FlowState } from './flow-state';
export { flowVisits, flowCounterSessions, flowStateFigures } from './flow-visits';
export { figureFold, flowFigures, type FigureFold, type FigureVisit } from './flow-figures';
export { csvCell, visitsToCsv, visitsToCsvRows, VISIT_CSV_HEADER } from './visit-csv';
export { simulateWhatIf, whatIfArrivals } from './what-if';
