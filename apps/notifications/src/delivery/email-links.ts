import { activationTokenFor } from '@app/contracts';
// The gateway verifies these tokens; the signer is shared by import until it moves to @app/contracts.
import { ManageTokens, type ManageTokenKey } from '@app/contracts';

export interface EmailLinkOptions {
  /** Public origin of the booking pages, e.g. `https://termine.halberstadt.de`. */
  readonly publicBaseUrl: string;
  /** Same keys as the gateway's MANAGE_LINK_KEYS (newest first). */
  readonly manageKeys: readonly ManageTokenKey[];
  /** Same key as booking's ACTIVATION_KEY. */
  readonly activationKey: Buffer;
}

/**
 * The links in citizen emails. Both tokens are derived, never read from the log: the manage token is
 * the gateway's HMAC of the reference, the activation token booking's HMAC of the hold id (see
 * @app/contracts booking-tokens). The URLs are page routes of the gateway.
 */
export class EmailLinks {
  private readonly manage: ManageTokens;
  private readonly base: string;

  constructor(private readonly options: EmailLinkOptions) {
    this.manage = new ManageTokens(options.manageKeys);
    this.base = options.publicBaseUrl.replace(/\/+$/, '');
  }

  manageUrl(reference: string): string {
    return `${this.base}/termin/${encodeURIComponent(reference)}?token=${encodeURIComponent(this.manage.issue(reference))}`;
  }

  activationUrl(reference: string, holdId: string): string {
    const token = activationTokenFor(this.options.activationKey, holdId);
    return `${this.base}/termin/${encodeURIComponent(reference)}/aktivieren?token=${encodeURIComponent(token)}`;
  }

  bookingUrl(): string {
    return `${this.base}/`;
  }
}
