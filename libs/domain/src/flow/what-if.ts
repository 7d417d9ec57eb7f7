import type { LocalDate } from '../shared/local-time';
import type { Visit, WhatIfArrival, WhatIfOptions, WhatIfResult } from './types';

export function whatIfArrivals(_visits: readonly Visit[], _day: { officeId: string; date: LocalDate }): WhatIfArrival[] { throw new Error('not implemented'); }
export function simulateWhatIf(_arrivals: readonly WhatIfArrival[], _options: WhatIfOptions): WhatIfResult { throw new Error('not implemented'); }
