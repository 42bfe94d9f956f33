import { ApiError, type Problem } from './problem';

const CSRF_COOKIE = 'tl_csrf';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Lets the request outlive the page (a save sent as the tab closes). The browser caps a
   * keepalive body at 64 KiB, so a larger one is sent as an ordinary request.
   */
  keepalive?: boolean;
};

/** The browser's limit on the bodies of keepalive requests in flight. */
const KEEPALIVE_LIMIT = 64 * 1024;

function looksLikeProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * Calls the same-origin API. Every non-GET request carries the double-submit CSRF token
 * from the readable `tl_csrf` cookie; the session cookie itself is HttpOnly.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  // Only declare a JSON body when there is one: an empty JSON body is a 400 on the server.
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
      keepalive: options.keepalive === true && new Blob([body ?? '']).size < KEEPALIVE_LIMIT,
    });
  } catch {
    throw new ApiError(0, null, 'Could not reach the server. Check your connection and try again.');
  }

  return handle<T>(response);
}

async function handle<T>(response: Response): Promise<T> {
  const data = await readBody(response);
  if (!response.ok) {
    const problem = looksLikeProblem(data) ? data : null;
    throw new ApiError(response.status, problem, `Request failed (${response.status}).`);
  }
  return data as T;
}

/** Sends one file as multipart form data (the browser sets the boundary), with the CSRF token. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers['x-csrf-token'] = csrf;
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, null, 'Could not reach the server. Check your connection and try again.');
  }
  return handle<T>(response);
}
