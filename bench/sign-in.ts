/**
 * Signs a person in through the API, as the web does, and returns the headers a cookie session
 * needs for a write (the session cookie and the CSRF header). Clients have no API tokens (staff
 * only), so the benches drive clients this way.
 */
export async function signInForBench(
  base: string,
  login: string,
  password: string,
): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${login} answered ${response.status}: ${await response.text()}`);
  const jar = new Map(
    response.headers.getSetCookie().map((c) => {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)] as const;
    }),
  );
  return {
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': jar.get('tl_csrf') ?? '',
    'content-type': 'application/json',
  };
}
