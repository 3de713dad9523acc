/** A parsed JSON response with its raw text, so tests can also assert what a body must never contain. */
export interface JsonResponse<T = any> {
  status: number;
  body: T;
  text: string;
}

/**
 * Calls the content API over real HTTP. `query` is a list of [key, value] pairs written the way the
 * site sends them (e.g. ['populate[category][fields][0]', 'name']).
 */
export async function api<T = any>(
  baseUrl: string,
  path: string,
  options: {
    method?: string;
    token?: string;
    query?: Array<[string, string]>;
    body?: unknown;
  } = {},
): Promise<JsonResponse<T>> {
  const url = new URL(`/api${path}`, baseUrl);
  for (const [key, value] of options.query ?? []) url.searchParams.append(key, value);

  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, text };
}
