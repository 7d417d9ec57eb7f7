import { LOCAL_DATE } from '@app/domain';
import { z } from 'zod';

/** Request payloads of the `frontdesk.*` subjects (see FRONTDESK in @app/contracts). */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lower-case id');
const token = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, - or _ (at most 64)');
const ticketId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a ticket id');
const line = z.object({ serviceId: id, quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20') });
const lines = z.array(line).min(1, 'choose at least one service').max(7, 'at most 7 services');
const priority = z.number().int('must be a whole number').min(0).max(9).optional();

export const actorSchema = z.object({
  userId: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  role: z.enum(['clerk', 'office_manager', 'admin', 'kiosk']),
});

const office = { officeId: id, actor: actorSchema };
const ticket = { ...office, ticketId };

export const checkInRequest = z
  .object({ ...office, reference: z.string().trim().min(1).max(64).optional(), qr: z.string().max(200).optional(), priority })
  .refine((r) => (r.reference === undefined) !== (r.qr === undefined), { message: 'give either reference or qr', path: ['reference'] });
export const walkInRequest = z.object({ ...office, services: lines, priority, requestId: token.optional() });
export const openCounterRequest = z.object({ ...office, counterId: id, serviceIds: z.array(id).min(1).max(20).optional() });
export const counterRequest = z.object({ ...office, counterId: id });
export const callTicketRequest = z.object({ ...ticket, counterId: id });
export const ticketRequest = z.object(ticket);
export const transferRequest = z
  .object({ ...ticket, toServiceIds: z.array(id).min(1).max(7).optional(), toCounterId: id.optional() });
export const completeRequest = z.object({ ...ticket, servicesDone: z.array(line).max(7).optional() });
export const snapshotRequest = z.object({ officeId: id, date: z.string().regex(LOCAL_DATE, 'must be a date YYYY-MM-DD').optional() });
export const ticketStatusRequest = z.object({ officeId: id, ticketId });

/** Staff roles that may work the queue; a kiosk may only check in and draw walk-in tickets. */
export const KIOSK_COMMANDS = new Set(['CheckIn', 'IssueWalkIn']);
