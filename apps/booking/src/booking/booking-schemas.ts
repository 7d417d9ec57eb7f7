import { LOCAL_DATE, LOCAL_TIME } from '@app/domain';
import { z } from 'zod';

/** Request payloads of the `booking.*` subjects. Messages name the rule, so a field error reads well. */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lower-case id');
const date = z.string().regex(LOCAL_DATE, 'must be a date YYYY-MM-DD');
const time = z.string().regex(LOCAL_TIME, 'must be a time HH:MM');
const token = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, - or _ (at most 64)');
const reference = z.string().regex(/^[A-Z0-9]{2,10}-[0-9A-Z]{6,12}$/, 'must look like HBS-7K3Q9F');
const lines = z
  .array(z.object({ serviceId: id, quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20') }))
  .min(1, 'choose at least one service')
  .max(7, 'at most 7 services');

export const officeRequest = z.object({ officeId: id });
export const availabilityRequest = z.object({ officeId: id, services: lines, from: date, to: date });
export const placeHoldRequest = z.object({ officeId: id, date, start: time, services: lines, holdId: token.optional() });
export const extendHoldRequest = z.object({ officeId: id, date, holdId: token });
export const submitContactRequest = z.object({
  officeId: id,
  date,
  holdId: token,
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  email: z.string().trim().max(254, 'must be at most 254 characters').email('must be an email address'),
  phone: z.string().trim().max(30, 'must be at most 30 characters').regex(/^[0-9 +()/-]*$/, 'may hold digits, spaces, + - / ( ) only').optional(),
  language: z.enum(['de', 'en']),
});
export const referenceRequest = z.object({ reference });
export const activateRequest = z.object({ reference, token: z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters') });
export const rescheduleRequest = z.object({ reference, date, start: time });
