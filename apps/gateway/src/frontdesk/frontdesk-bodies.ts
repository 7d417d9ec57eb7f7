import { z } from 'zod';

// Ids as the event store allows them in subjects; the services re-validate, this only keeps junk out early.
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const serviceLine = z.object({ serviceId: id, quantity: z.number().int().min(1).max(10) }).strict();
const priority = z.number().int().min(0).max(9).optional();

export const checkInBody = z.union([
  z.object({ reference: z.string().trim().min(4).max(32), priority }).strict(),
  z.object({ qr: z.string().min(4).max(200), priority }).strict(),
]);
export const walkInBody = z.object({ services: z.array(serviceLine).min(1).max(7), priority, requestId: id.optional() }).strict();
export const openCounterBody = z.object({ serviceIds: z.array(id).max(20).optional() }).strict();
export const callTicketBody = z.object({ ticketId: id }).strict();
export const transferBody = z
  .object({ toServiceIds: z.array(id).min(1).max(7).optional(), toCounterId: id.optional() })
  .strict()
  .refine((body) => body.toServiceIds !== undefined || body.toCounterId !== undefined, 'name toServiceIds or toCounterId');
export const completeBody = z.object({ servicesDone: z.array(serviceLine).max(7).optional() }).strict();
export const emptyBody = z.object({}).strict();

export const idParam = id;
