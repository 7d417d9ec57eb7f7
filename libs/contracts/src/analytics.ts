/**
 * Customer-flow figures: NATS subjects of the analytics service and the REST shapes the gateway passes
 * through under `/api/staff/analytics` (analyst role). The figures are the pure projection's own types
 * (`@app/domain` flow); nothing here carries personal data: visits are counted, never listed with a
 * name, reference or contact key.
 *
 * Dates are `YYYY-MM-DD` (Europe/Berlin), `from` and `to` inclusive; durations are minutes.
 */
import type { LocalizedText } from '@app/domain';
import type { FlowFigures, WaitSummary } from '@app/domain/flow';

export type { FlowDistribution, FlowFigures, WaitSummary } from '@app/domain/flow';

export const ANALYTICS = {
  figures: 'analytics.figures',
  whatIf: 'analytics.what-if',
  csv: 'analytics.csv',
} as const;

export type AnalyticsSubject = (typeof ANALYTICS)[keyof typeof ANALYTICS];

/** Without `officeId` all offices are counted together. At most `MAX_RANGE_DAYS` days. */
export interface FlowQuery {
  readonly officeId?: string;
  readonly from: string;
  readonly to: string;
}

export const MAX_RANGE_DAYS = 366;

/** Figures plus how they were made. */
export interface FlowReport {
  readonly figures: FlowFigures;
  /** Events of the period fed to the projection. */
  readonly eventsReplayed: number;
  /** sha256 of the figures' JSON: equal figures, equal hash (replays are deterministic). */
  readonly hash: string;
  /** What to call the ids the figures use, so that no reader has to show an id. */
  readonly names: FlowNames;
}

/**
 * Display names from the current catalogue. An id the catalogue no longer has (a service taken out
 * since) is missing here; a reader then shows the id.
 */
export interface FlowNames {
  readonly services: Readonly<Record<string, LocalizedText>>;
  readonly offices: Readonly<Record<string, LocalizedText>>;
  /** By office, then counter. */
  readonly counters: Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>;
}

/**
 * Replays a period's recorded arrivals of one office against another set-up: `counters` counters that
 * handle every service (default: as many as were open that day), and/or another share of customers
 * coming with an appointment (`onlineShare`, 0–1; default as recorded).
 */
export interface WhatIfQuery {
  readonly officeId: string;
  readonly from: string;
  readonly to: string;
  readonly counters?: number;
  readonly onlineShare?: number;
}

export interface WaitSides {
  readonly all: WaitSummary;
  readonly booked: WaitSummary;
  readonly walkIn: WaitSummary;
}

export interface WhatIfDay {
  readonly date: string;
  readonly arrivals: number;
  readonly recordedCounters: number;
  readonly counters: number;
  readonly recorded: WaitSummary;
  readonly predicted: WaitSummary;
}

export interface WhatIfReport {
  readonly query: WhatIfQuery;
  readonly arrivals: number;
  readonly unserved: number;
  readonly recorded: WaitSides;
  readonly predicted: WaitSides;
  readonly days: readonly WhatIfDay[];
}

/** One visit per line (no personal data), safe against spreadsheet formula injection. */
export interface CsvExport {
  readonly filename: string;
  readonly content: string;
}

export interface AnalyticsRequests {
  [ANALYTICS.figures]: { request: FlowQuery; reply: FlowReport };
  [ANALYTICS.whatIf]: { request: WhatIfQuery; reply: WhatIfReport };
  [ANALYTICS.csv]: { request: FlowQuery; reply: CsvExport };
}
