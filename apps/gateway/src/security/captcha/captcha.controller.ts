import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import type { Challenge } from 'altcha-lib';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { SecurityRefusal } from '../security-refusal';
import { CaptchaService } from './captcha.service';

/** `GET /api/captcha/challenge?scope=hold:<officeId>` → the ALTCHA challenge JSON for the widget. */
@Controller('api/captcha')
export class CaptchaController {
  constructor(@Inject(CaptchaService) private readonly captcha: CaptchaService) {}

  @Get('challenge')
  @Header('Cache-Control', 'no-store')
  @RateLimit('captcha')
  async challenge(@Query('scope') scope: unknown): Promise<Challenge> {
    const issued = await this.captcha.challenge(typeof scope === 'string' ? scope : '');
    if (!issued.ok) throw new SecurityRefusal(issued.error);
    return issued.value;
  }
}
