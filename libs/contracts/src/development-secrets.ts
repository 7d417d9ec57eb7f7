/**
 * Secrets every service uses in development so that links made by one service verify in another
 * without any setup. Each app's config refuses them in production (its `requiredInProduction` keys);
 * they are public by being in this repository and protect nothing.
 */
export const DEVELOPMENT_ACTIVATION_KEY = Buffer.alloc(32, 'schalter-dev-activation-key!!!!!').toString('base64');
export const DEVELOPMENT_MANAGE_LINK_KEYS = `dev:${Buffer.alloc(32, 'schalter-dev-manage-link-key!!!!').toString('base64')}`;
