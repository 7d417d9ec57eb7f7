import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

const PUBLIC_DIR = [resolve(process.cwd(), 'apps/gateway/public'), resolve(__dirname, '../../public')].find((dir) => existsSync(dir)) ?? '';
const SOCKET_CLIENT = resolve(dirname(require.resolve('socket.io')), '../client-dist/socket.io.esm.min.js');
const PAGES = new Set(['staff', 'display', 'kiosk', 'ticket']);
const ASSET = /^[a-z0-9-]+\.(js|css|mp3|wav|svg)$/;

/**
 * The HTML of the front-desk pages at addresses that carry their subject (`/display/hbs`,
 * `/ticket/hbs/<ticketId>`); each page reads it from `location.pathname`. Their assets are served here
 * too, so the pages work whatever the general static set-up does with these paths.
 */
@Controller()
export class PagesController {
  @Get(':page/assets/:file')
  asset(@Param('page') page: string, @Param('file') file: string, @Res() res: Response): void {
    if (!PAGES.has(page) || !ASSET.test(file)) throw new NotFoundException();
    res.sendFile(join(PUBLIC_DIR, page, file), { maxAge: '1h' });
  }

  @Get('vendor/socket.io.esm.min.js')
  socketClient(@Res() res: Response): void {
    res.sendFile(SOCKET_CLIENT, { maxAge: '1d' });
  }

  @Get('staff')
  @Header('cache-control', 'no-store')
  console(@Res() res: Response): void {
    res.sendFile(join(PUBLIC_DIR, 'staff/index.html'));
  }

  @Get('display/:officeId')
  display(@Res() res: Response): void {
    res.sendFile(join(PUBLIC_DIR, 'display/index.html'));
  }

  @Get('kiosk/:officeId')
  kiosk(@Res() res: Response): void {
    res.sendFile(join(PUBLIC_DIR, 'kiosk/index.html'));
  }

  @Get('ticket/:officeId/:ticketId')
  ticket(@Res() res: Response): void {
    res.sendFile(join(PUBLIC_DIR, 'ticket/index.html'));
  }
}
