export interface HttpResult<T> {
  status: number;
  body: T;
}

/** A JSON request to a test app, signed with `token` when given; an empty answer (204) reads as `{}`. */
export async function http<T = Record<string, unknown>>(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<HttpResult<T>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}
