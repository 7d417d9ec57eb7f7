import { Controller, Get, Param, Query, Redirect } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

const REFERENCE = /^[A-Z0-9-]{4,32}$/;

/**
 * The short links in the citizens' emails (`/termin/<reference>?token=…`, `…/aktivieren?token=…`)
 * lead to the booking pages. Kept apart from the pages' file names so that an email sent today still
 * works after the pages are reorganised. Tokens pass through untouched; the pages send them to the API.
 */
@ApiExcludeController()
@Controller('termin')
export class CitizenLinksController {
  @Get(':reference')
  @Redirect('/booking/', 302)
  manage(@Param('reference') reference: string, @Query('token') token?: string) {
    return { url: pageUrl('/booking/manage.html', reference, { token }) };
  }

  @Get(':reference/aktivieren')
  @Redirect('/booking/', 302)
  activate(@Param('reference') reference: string, @Query('token') token?: string, @Query('manage') manage?: string) {
    return { url: pageUrl('/booking/activate.html', reference, { token, manage }) };
  }
}

function pageUrl(page: string, reference: string, params: Record<string, string | undefined>): string {
  if (!REFERENCE.test(reference)) return '/booking/';
  const query = new URLSearchParams({ ref: reference });
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string' && value.length <= 200) query.set(key, value);
  return `${page}?${query.toString()}`;
}
