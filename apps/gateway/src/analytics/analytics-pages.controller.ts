import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

const PUBLIC_DIR = [resolve(process.cwd(), 'apps/gateway/public'), resolve(__dirname, '../../public')].find((dir) => existsSync(dir)) ?? '';
/** Chart.js's UMD build straight from node_modules: no copy step, and the version is the lock file's. */
export const CHART_JS = join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
const ASSET = /^[a-z0-9-]+\.(js|css)$/;

/** The dashboard page (no data in it: the figures come from /api/staff/analytics with the staff session). */
@Controller()
export class AnalyticsPagesController {
  @Get('analytics')
  @Header('cache-control', 'no-store')
  page(@Res() res: Response): void {
    res.sendFile(join(PUBLIC_DIR, 'analytics/index.html'));
  }

  @Get('analytics/assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    if (!ASSET.test(file)) throw new NotFoundException();
    res.sendFile(join(PUBLIC_DIR, 'analytics', file));
  }

  @Get('vendor/chart.umd.min.js')
  chart(@Res() res: Response): void {
    res.sendFile(CHART_JS, { maxAge: '1d' });
  }
}
