/** A parsed JSON response with its raw text, so tests can also assert what a body must never contain. */
export interface JsonResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/**
 * Calls the content API over real HTTP. `query` is a list of [key, value] pairs written the way the
 * site sends them (e.g. ['populate[category][fields][0]', 'name']).
 */
export function api<T = any>(
  baseUrl: string,
  path: string,
  options: RequestOptions = {},
): Promise<JsonResponse<T>> {
  return request<T>(new URL(`/api${path}`, baseUrl), options);
}

/**
 * Calls the admin API (what the admin panel calls, e.g. `/content-manager/…`) over real HTTP, with
 * an admin user's JWT from `adminLogin`.
 */
export function adminApi<T = any>(
  baseUrl: string,
  path: string,
  options: RequestOptions = {},
): Promise<JsonResponse<T>> {
  return request<T>(new URL(path, baseUrl), options);
}

/** Logs an admin user in as the login screen does; returns the JWT the admin panel sends. */
export async function adminLogin(
  baseUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const response = await adminApi(baseUrl, '/admin/login', {
    method: 'POST',
    body: { email, password },
  });
  if (response.status !== 200) {
    throw new Error(`admin login of ${email} failed: ${response.status} ${response.text}`);
  }
  return response.body.data.token;
}

interface RequestOptions {
  method?: string;
  token?: string;
  query?: Array<[string, string]>;
  body?: unknown;
}

async function request<T>(url: URL, options: RequestOptions): Promise<JsonResponse<T>> {
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
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    text,
    headers: response.headers,
  };
}
