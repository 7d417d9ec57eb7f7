import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, UseGuards } from '@nestjs/common';
import { DomainException } from '@app/platform';
import { officeIdOf, type StaffRequest } from './staff-access';
import type { KioskDevice } from './staff-accounts';
import { kioskTokenInvalid, officeForbidden } from './staff-refusals';

export const KIOSK_DEVICES = Symbol('KIOSK_DEVICES');

/**
 * The walk-in kiosk is a public device: nobody logs in at it. It carries a device token (256 random
 * bits, set up once by opening `/kiosk/<office>#device=<token>`) in `Authorization: Kiosk <token>`;
 * the config holds only its SHA-256. A device acts only for its own office.
 */
@Injectable()
export class KioskGuard implements CanActivate {
  private readonly logger = new Logger('StaffAccess');

  constructor(@Inject(KIOSK_DEVICES) private readonly devices: readonly KioskDevice[]) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<StaffRequest>();
    const token = /^Kiosk ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '')?.[1];
    const device = token === undefined ? undefined : this.deviceFor(token);
    const officeId = officeIdOf(req);
    if (!device) return this.deny(req, kioskTokenInvalid().code, undefined, officeId, new DomainException(kioskTokenInvalid()));
    if (officeId !== device.officeId) return this.deny(req, 'staff_office_forbidden', device.id, officeId, new DomainException(officeForbidden(officeId ?? '')));
    req.actor = { id: device.id, role: 'kiosk', officeId: device.officeId };
    return true;
  }

  private deviceFor(token: string): KioskDevice | undefined {
    const digest = createHash('sha256').update(token).digest();
    return this.devices.find((device) => timingSafeEqual(Buffer.from(device.tokenSha256, 'hex'), digest));
  }

  private deny(req: StaffRequest, code: string, device: string | undefined, office: string | undefined, refusal: DomainException): never {
    this.logger.warn({ denied: code, user: device, role: 'kiosk', office, method: req.method, route: req.route?.path ?? req.path, ip: req.ip }, `Kiosk access denied: ${code}`);
    throw refusal;
  }
}

export const KioskOnly = () => UseGuards(KioskGuard);
