import { requestSecrets } from '../../src/core/provider-request';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('the credentials a request carries (never quoted back in an error)', () => {
  it('takes HTTP Basic client authentication apart: the header, its base64 credential, the id:secret pair and the secret', () => {
    const header = basic('client-id-1', 'client-secret-9f8e');
    const secrets = requestSecrets({ headers: { Authorization: header } });
    expect(secrets).toEqual(
      expect.arrayContaining([header, header.slice('Basic '.length), 'client-id-1:client-secret-9f8e', 'client-secret-9f8e']),
    );
  });

  it("reads a form-encoded authorization-code grant: the code is a credential, the grant's other fields are not", () => {
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: 'auth-code-4d5e6f',
      redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/App1/',
    }).toString();
    const secrets = requestSecrets({ body });
    expect(secrets).toContain('auth-code-4d5e6f');
    expect(secrets.filter((secret) => /authorization_code|zapier\.com/.test(secret))).toEqual([]);
  });

  it('reads a form-encoded password grant, with every spelling the provider may quote back', () => {
    const body = new URLSearchParams({ grant_type: 'password', username: 'sam@example.co.uk', password: 'p@ss&w rd"9' }).toString();
    expect(requestSecrets({ body })).toEqual(['p@ss&w rd"9', 'p%40ss%26w%20rd%229', 'p%40ss%26w+rd%229', 'p@ss&w rd\\"9']);
  });

  it('reads refresh tokens and client secrets from a JSON body, as text, as an object or as URLSearchParams', () => {
    const grant = { grant_type: 'refresh_token', refresh_token: 'refresh-7a8b9c', client_id: '7', client_secret: 'secret-1a2b3c' };
    for (const body of [JSON.stringify(grant), grant, new URLSearchParams(grant)]) {
      expect(requestSecrets({ body })).toEqual(expect.arrayContaining(['refresh-7a8b9c', 'secret-1a2b3c']));
      expect(requestSecrets({ body })).not.toContain('7');
    }
  });

  it('does not take a field that merely ends in "code" (a country code) for a credential', () => {
    expect(requestSecrets({ body: { country_code: 'GB', code: 'auth-code-4d5e6f' } })).toEqual(['auth-code-4d5e6f']);
  });
});
