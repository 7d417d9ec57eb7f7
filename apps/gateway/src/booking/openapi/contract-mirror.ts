import type {
  ActivateBody, AppointmentView, AvailabilityDay, AvailabilityResponse, ContactResponse, CounterView, DisplayState, ExpectedAppointmentView,
  ExtendHoldBody, HoldResponse, OfficeSummary, OfficesResponse, ProblemBody, PublicTicketView, QueueCommandReply, RescheduleBody,
  ServiceInfo, ServiceLineBody, ServicesResponse, StaffState, StaffTicketView, SubmitContactBody, PlaceHoldBody,
} from '@app/contracts';
import type * as B from './booking.schemas';
import type { ProblemSchema, ServiceLineSchema } from './common.schemas';
import type * as Q from './queue.schemas';

/**
 * Compile-time guard (tsc, no runtime): each schema class has exactly the keys of its contract type,
 * so a field added to or removed from libs/contracts breaks the type-check until the docs follow.
 */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : { schemaOnly: Exclude<keyof A, keyof B>; contractOnly: Exclude<keyof B, keyof A> };

export type ContractMirror = [
  SameKeys<ProblemSchema, ProblemBody>, SameKeys<ServiceLineSchema, ServiceLineBody>,
  SameKeys<B.OfficeSummarySchema, OfficeSummary>, SameKeys<B.OfficesResponseSchema, OfficesResponse>,
  SameKeys<B.ServiceInfoSchema, ServiceInfo>, SameKeys<B.ServicesResponseSchema, ServicesResponse>,
  SameKeys<B.AvailabilityDaySchema, AvailabilityDay>, SameKeys<B.AvailabilityResponseSchema, AvailabilityResponse>,
  SameKeys<B.PlaceHoldBodySchema, PlaceHoldBody>, SameKeys<B.HoldResponseSchema, HoldResponse>, SameKeys<B.ExtendHoldBodySchema, ExtendHoldBody>,
  SameKeys<B.SubmitContactBodySchema, SubmitContactBody>, SameKeys<B.ContactResponseSchema, ContactResponse>,
  SameKeys<B.ActivateBodySchema, ActivateBody>, SameKeys<B.RescheduleBodySchema, RescheduleBody>, SameKeys<B.AppointmentViewSchema, AppointmentView>,
  SameKeys<Q.QueueCommandReplySchema, QueueCommandReply>, SameKeys<Q.StaffTicketViewSchema, StaffTicketView>, SameKeys<Q.CounterViewSchema, CounterView>,
  SameKeys<Q.ExpectedAppointmentViewSchema, ExpectedAppointmentView>, SameKeys<Q.StaffStateSchema, StaffState>,
  SameKeys<Q.DisplayStateSchema, DisplayState>, SameKeys<Q.PublicTicketViewSchema, PublicTicketView>,
];

/** Fails to compile unless every entry above is `true`. */
export const CONTRACT_MIRROR_HOLDS: ContractMirror extends true[] ? true : never = true;
