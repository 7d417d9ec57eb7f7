import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Request } from 'express';
import { create } from 'qrcode';
import { RateLimit } from '../security';
import { idParam } from './frontdesk-bodies';

/**
 * The modules of the QR code printed on a kiosk ticket, leading to the citizen's live ticket page.
 * Encoded here with the maintained `qrcode` package, so the kiosk page needs no encoder of its own; it
 * draws the modules as one SVG path (no canvas, no inline style: the CSP stays strict).
 */
@Controller('api/offices/:officeId/tickets/:ticketId')
export class TicketQrController {
  @Get('qr')
  @RateLimit('read')
  @ApiExcludeEndpoint()
  qr(@Req() req: Request, @Param('officeId') officeId: string, @Param('ticketId') ticketId: string) {
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}/ticket/${encodeURIComponent(idParam.parse(officeId))}/${encodeURIComponent(idParam.parse(ticketId))}`;
    const code = create(url, { errorCorrectionLevel: 'M' });
    return { url, size: code.modules.size, modules: Array.from(code.modules.data, (dark) => (dark ? '1' : '0')).join('') };
  }
}
