/** The validated StaffConfig, injectable in the staff and front-desk modules. */
export const STAFF_CONFIG = Symbol('STAFF_CONFIG');
