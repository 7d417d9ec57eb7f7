import { z } from 'zod';
import { LOCAL_DATE, LOCAL_TIME } from '../shared/local-time';

/**
 * The shape of `config/catalog.json`. Types are inferred from the schema, so the file and the code
 * cannot drift apart. Rules that relate entries to each other (references, overlaps, slot grid) are
 * checked after the shape in `parse-catalog.ts`, where every path can be named.
 */
const text = z.object({ de: z.string().min(1, 'must not be empty'), en: z.string().min(1, 'must not be empty') });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');
const positiveInt = z.number({ invalid_type_error: 'must be a positive integer' }).int('must be a positive integer').positive('must be a positive integer');
const nonNegativeInt = z.number({ invalid_type_error: 'must be a non-negative integer' }).int('must be a non-negative integer').min(0, 'must be a non-negative integer');
const time = z.string().regex(LOCAL_TIME, 'must be a time HH:MM');
const date = z.string().regex(LOCAL_DATE, 'must be a date YYYY-MM-DD');

const fee = z.object({
  /** Regular fee in euro cents. */
  cents: nonNegativeInt,
  /** Reduced fee for applicants under 24 (ID card, passport), in euro cents. */
  reducedUnder24Cents: nonNegativeInt.optional(),
});

export const serviceSchema = z.object({
  id,
  name: text,
  /** Counter time for one unit (one person, one document). */
  minutes: positiveInt,
  maxQuantity: positiveInt,
  bookableOnline: z.boolean(),
  walkInAllowed: z.boolean(),
  /** Services that may share one appointment with this one (the relation is read symmetrically). */
  combinableWith: z.array(id),
  documents: z.array(text),
  fee,
});

const interval = z.object({ from: time, to: time });
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const capacityBand = interval.extend({
  /** Appointments bookable online in parallel; the other counters are kept for walk-ins. */
  parallel: nonNegativeInt,
  /** Weekdays the band applies to; all days when absent. */
  weekdays: z.array(weekday).optional(),
});

const closure = z.object({ date, reason: text });

export const officeSchema = z.object({
  id,
  name: text,
  address: z.object({ street: z.string().min(1), postalCode: z.string().regex(/^\d{5}$/, 'must be five digits'), city: z.string().min(1) }),
  timeZone: z.literal('Europe/Berlin'),
  /** Opening intervals per weekday; the gaps between them are breaks. A missing day is closed. */
  openingHours: z.record(weekday, z.array(interval)),
  publicHolidays: z.literal('DE-ST'),
  closures: z.array(closure),
  counters: z.array(z.object({ id, name: text, services: z.array(id) })).min(1, 'must list at least one counter'),
  onlineCapacity: z.array(capacityBand),
  booking: z.object({
    slotMinutes: positiveInt,
    window: z.object({ minDays: nonNegativeInt, maxDays: positiveInt }),
    leadTimeMinutes: nonNegativeInt,
    holdMinutes: positiveInt,
    activationMinutes: positiveInt,
    requiresActivation: z.boolean(),
    maxOpenAppointmentsPerContact: positiveInt,
    cancelledSlotQuarantineMinutes: nonNegativeInt,
  }),
});

export const catalogSchema = z.object({
  version: z.string().min(1, 'must not be empty'),
  services: z.array(serviceSchema).min(1, 'must list at least one service'),
  offices: z.array(officeSchema).min(1, 'must list at least one office'),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Office = z.infer<typeof officeSchema>;
export type Weekday = z.infer<typeof weekday>;
export type LocalizedText = z.infer<typeof text>;
export type Language = 'de' | 'en';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
