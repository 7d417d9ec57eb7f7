import { assertNever } from '../shared/decider';
import type { ContactEvent } from './events';
import type { ContactState, Place } from './state';

/** Folds one contact event into the state; an event for an unknown place leaves the state as it is. */
export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  const put = (place: Place): ContactState => ({ places: { ...state.places, [place.placeId]: place } });
  const existing = state.places[event.data.placeId];
  switch (event.type) {
    case 'AppointmentPlaceReserved': {
      const { placeId, officeId, date, endsAt, expiresAt } = event.data;
      return put({ placeId, officeId, date, endsAt, expiresAt, status: 'reserved' });
    }
    case 'AppointmentPlaceConfirmed':
      return existing ? put({ placeId: existing.placeId, officeId: existing.officeId, date: existing.date, endsAt: existing.endsAt, status: 'confirmed', appointmentId: event.data.appointmentId }) : state;
    case 'AppointmentPlaceMoved': {
      const { placeId, officeId, date, endsAt, appointmentId } = event.data;
      return put({ placeId, officeId, date, endsAt, appointmentId, status: 'confirmed' });
    }
    case 'AppointmentPlaceReleased':
      return existing ? put({ placeId: existing.placeId, officeId: existing.officeId, date: existing.date, endsAt: existing.endsAt, status: 'released' }) : state;
    default:
      return assertNever(event);
  }
}
