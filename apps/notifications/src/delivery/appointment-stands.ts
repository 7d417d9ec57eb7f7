import { calendarId, type AppointmentSnapshot, type CalendarEvent } from '@app/domain';
import type { EventStore } from '@app/eventstore';

/**
 * Does the appointment still stand at the time the job was made for? Asked before a reminder goes
 * out, because removing a delayed job can miss (it was running, or a retried event arrived out of
 * order): the calendar of that day is the truth, and it is one small aggregate.
 */
export async function appointmentStands(store: EventStore, appointment: AppointmentSnapshot): Promise<boolean> {
  const { events } = await store.readAggregate({ type: 'calendar', id: calendarId(appointment.officeId, appointment.date) });
  let startsAt: number | null = null;
  for (const envelope of events) {
    const event = envelope as unknown as CalendarEvent;
    if (event.type === 'HoldPlaced' || event.type === 'HoldExtended' || event.data.appointmentId !== appointment.appointmentId) continue;
    if (event.type === 'AppointmentBooked' || event.type === 'AppointmentRescheduled') startsAt = event.data.startsAt;
    else if (event.type === 'AppointmentCancelled') startsAt = null;
  }
  return startsAt === appointment.startsAt;
}
