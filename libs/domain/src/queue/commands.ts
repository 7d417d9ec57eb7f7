import type { Command } from '../shared/decider';
import type { Instant } from '../shared/local-time';
import type { ServiceLine } from './events';

export type CheckIn = Command<
  'CheckIn',
  {
    readonly appointmentId: string;
    readonly reference: string;
    readonly appointmentStart: Instant;
    readonly services: readonly ServiceLine[];
    readonly priority?: number;
  }
>;

export type IssueWalkIn = Command<
  'IssueWalkIn',
  { readonly services: readonly ServiceLine[]; readonly priority?: number; readonly requestId?: string }
>;

/** Without `serviceIds` the counter opens with the services the catalogue gives it. */
export type OpenCounter = Command<'OpenCounter', { readonly counterId: string; readonly serviceIds?: readonly string[] }>;
export type CloseCounter = Command<'CloseCounter', { readonly counterId: string }>;
export type CallNext = Command<'CallNext', { readonly counterId: string }>;
export type CallTicket = Command<'CallTicket', { readonly ticketId: string; readonly counterId: string }>;
export type Recall = Command<'Recall', { readonly ticketId: string }>;
export type Park = Command<'Park', { readonly ticketId: string }>;
export type Unpark = Command<'Unpark', { readonly ticketId: string }>;
export type Transfer = Command<
  'Transfer',
  { readonly ticketId: string; readonly toServiceIds?: readonly string[]; readonly toCounterId?: string }
>;
export type StartService = Command<'StartService', { readonly ticketId: string }>;
export type CompleteService = Command<'CompleteService', { readonly ticketId: string; readonly servicesDone: readonly ServiceLine[] }>;
export type MarkNoShow = Command<'MarkNoShow', { readonly ticketId: string }>;

export type QueueCommand =
  | CheckIn
  | IssueWalkIn
  | OpenCounter
  | CloseCounter
  | CallNext
  | CallTicket
  | Recall
  | Park
  | Unpark
  | Transfer
  | StartService
  | CompleteService
  | MarkNoShow;

export type QueueCommandType = QueueCommand['type'];
