import { checkedBaseUrl } from '../../core/base-url';

/**
 * StratusTexting runs on Beetexting's Connect platform; the same API is sold under other brands
 * that differ only in these URLs. Each can be overridden by an environment variable.
 */
export interface Brand {
  product: string;
  apiBaseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string;
}

// ASSUMPTION: StratusTexting's scope names are not documented; Beetexting's are used and can be
// replaced with STRATUSTEXTING_SCOPES. An empty value asks Cognito for the client's default scopes.
const BEETEXTING_SCOPES = [
  'https://com.beetexting.scopes/SendMessage',
  'https://com.beetexting.scopes/ReadContact',
  'https://com.beetexting.scopes/WriteContact',
].join(' ');

const STRATUSTEXTING: Brand = {
  product: 'StratusTexting',
  apiBaseUrl: 'https://api-stratustexting.spectrumvoip.com/stratustexting-prod',
  authorizeUrl: 'https://spectrumauth.beetexting.com/oauth2/authorize/',
  tokenUrl: 'https://spectrumauth.beetexting.com/oauth2/token/',
  scopes: BEETEXTING_SCOPES,
};

function setting(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

/** An OAuth endpoint as configured: checked like a base URL, its trailing slash (Cognito's style) kept. */
function endpoint(name: string, fallback: string): string {
  const value = setting(name, fallback);
  return checkedBaseUrl(value, name) + (value.endsWith('/') ? '/' : '');
}

/** The brand this deployment serves, read when a request is made (Zapier injects env at run time). */
export function brand(): Brand {
  return {
    product: setting('STRATUSTEXTING_PRODUCT', STRATUSTEXTING.product),
    apiBaseUrl: checkedBaseUrl(setting('STRATUSTEXTING_BASE_URL', STRATUSTEXTING.apiBaseUrl), 'STRATUSTEXTING_BASE_URL'),
    authorizeUrl: endpoint('STRATUSTEXTING_AUTHORIZE_URL', STRATUSTEXTING.authorizeUrl),
    tokenUrl: endpoint('STRATUSTEXTING_TOKEN_URL', STRATUSTEXTING.tokenUrl),
    scopes: process.env.STRATUSTEXTING_SCOPES ?? STRATUSTEXTING.scopes,
  };
}
