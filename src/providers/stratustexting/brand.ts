import { checkedSettingUrl } from '../../core/base-url';

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

// ASSUMPTION: [st-scope] StratusTexting's scope names are not documented, so the sign-in sends no `scope` parameter: AWS
// documents that Cognito's authorize endpoint then uses all the scopes associated with the app
// client (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
// Asking for names that pool does not define would fail every sign-in with `invalid_scope`.
// STRATUSTEXTING_SCOPES (space separated) asks for named scopes when a brand needs it.
const STRATUSTEXTING: Brand = {
  product: 'StratusTexting',
  apiBaseUrl: 'https://api-stratustexting.spectrumvoip.com/stratustexting-prod',
  authorizeUrl: 'https://spectrumauth.beetexting.com/oauth2/authorize/',
  tokenUrl: 'https://spectrumauth.beetexting.com/oauth2/token/',
  scopes: '',
};

const SETTINGS = [
  'STRATUSTEXTING_PRODUCT',
  'STRATUSTEXTING_BASE_URL',
  'STRATUSTEXTING_AUTHORIZE_URL',
  'STRATUSTEXTING_TOKEN_URL',
  'STRATUSTEXTING_SCOPES',
];

/** An OAuth endpoint as configured: checked like a base URL, its trailing slash (Cognito's style) kept. */
function endpoint(name: string, fallback: string): string {
  const value = process.env[name]?.trim() || fallback;
  return checkedSettingUrl(name, fallback) + (value.endsWith('/') ? '/' : '');
}

/**
 * The product's name as users know it: in every description, help text and error message. It is
 * the only setting read when the definition loads, so a bad URL setting cannot break the definition.
 */
export function productName(): string {
  return process.env.STRATUSTEXTING_PRODUCT?.trim() || STRATUSTEXTING.product;
}

function readBrand(): Brand {
  return {
    product: productName(),
    apiBaseUrl: checkedSettingUrl('STRATUSTEXTING_BASE_URL', STRATUSTEXTING.apiBaseUrl),
    authorizeUrl: endpoint('STRATUSTEXTING_AUTHORIZE_URL', STRATUSTEXTING.authorizeUrl),
    tokenUrl: endpoint('STRATUSTEXTING_TOKEN_URL', STRATUSTEXTING.tokenUrl),
    scopes: process.env.STRATUSTEXTING_SCOPES ?? STRATUSTEXTING.scopes,
  };
}

let remembered: { settings: string; brand: Brand } | undefined;

/**
 * The brand this deployment serves, from the environment Zapier injects at run time. Read and
 * checked once per set of settings, not on every request.
 */
export function brand(): Brand {
  const settings = SETTINGS.map((name) => process.env[name] ?? '').join('\n');
  if (remembered?.settings !== settings) remembered = { settings, brand: readBrand() };
  return remembered.brand;
}
