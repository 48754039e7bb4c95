/*
 * Passkeys for Java — the browser client: what every page with a passkey button needs; the server serves these parts
 * (client/passkeys-*.js) as one passkeys.js in one function scope, and passkeys.js loads the sign-up, step-up and
 * upgrade parts only on pages that use them. How to include it: README, "Add it to a Spring
 * Boot app". Also window.Passkeys.
 */
// The endpoints live next to this script (so a context path or another passkeys.base-path needs no setting), unless
// the tag names them: <script src="…/passkeys.js" data-passkeys-base="/app/passkeys">.
const script = document.currentScript;
const basePath = script && script.dataset.passkeysBase ? script.dataset.passkeysBase.replace(/\/+$/, '')
  : script ? new URL(script.src, location.href).pathname.replace(/\/[^/]*$/, '') : '/passkeys';

/** A refused request: `message` is for the user; `problem` is the server's RFC 9457 body (detail, reason, …). */
class PasskeyError extends Error {
  constructor(message, problem) {
    super(message);
    this.name = 'PasskeyError';
    this.problem = problem || null;
  }
}

// --- texts in the user's language ----------------------------------------------------------------------------------
// Only if the texts cannot be loaded at all (the server is unreachable, so nothing else works either).
const UNREACHABLE = 'Something went wrong. Reload the page and try again.';
let loaded = { language: null, texts: {} };
let loading = null;

/** Loads the texts once: from the page's JSON block, else from the server. Resolves to {language, texts}. */
function texts() {
  if (!loading) {
    const block = document.querySelector('script[type="application/json"][data-passkeys-texts]');
    const source = block ? Promise.resolve().then(() => JSON.parse(block.textContent))
      : fetch(basePath + '/messages', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(response => {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        });
    loading = source.then(json => (loaded = json), error => {
      console.warn('[passkeys] texts not loaded:', error);
      return loaded;
    });
  }
  return loading;
}

/** The text for `key` (a passkeys.client.* key without the prefix), with {name} placeholders filled from `values`. */
function text(key, values) {
  const pattern = loaded.texts && loaded.texts[key];
  if (typeof pattern !== 'string') return key.startsWith('error.') ? UNREACHABLE : key;
  return pattern.replace(/\{(\w+)\}/g, (all, name) => values && name in values ? String(values[name]) : all);
}

/** The language of the texts (for Intl date formats), else the page's. */
function language() {
  return loaded.language || document.documentElement.lang || undefined;
}

/**
 * After a sign-in: where the server says, or (an app's own success handler answered) a passkeys:signed-in event with
 * its answer ({} for none). A null result is no sign-in (autofill that ended without one).
 */
function signedIn(result) {
  if (result && typeof result.redirectUrl === 'string') location.assign(result.redirectUrl);
  else if (result) document.dispatchEvent(new CustomEvent('passkeys:signed-in', { detail: result }));
}

// --- requests ------------------------------------------------------------------------------------------------------
function csrfHeaders(fromCookie) {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (!fromCookie && token && header && token.content && header.content) return { [header.content]: token.content };
  // Spring Security's single-page set-up (csrf.spa()): the token in the XSRF-TOKEN cookie, back as X-XSRF-TOKEN.
  const cookie = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return cookie ? { 'X-XSRF-TOKEN': decodeURIComponent(cookie[1]) } : {};
}

// Which token the server took last, the page's or the cookie's, kept for the tab: csrf.spa() refuses the page's, and
// asking with it first cost every page a refused request.
let preferCookie = (() => { try { return sessionStorage.getItem('passkeys.csrf') === 'cookie'; } catch (e) { return false; } })();

async function request(method, path, body, retryWith) {
  const retried = retryWith !== undefined;
  const cookie = csrfHeaders(true);
  const useCookie = retried ? retryWith === 'cookie' : preferCookie && Object.keys(cookie).length > 0;
  const csrf = useCookie ? cookie : csrfHeaders(false);
  const response = await fetch(basePath + path, {
    method,
    credentials: 'same-origin',
    headers: Object.assign({ 'Accept': 'application/json, application/problem+json' },
      body === undefined ? {} : { 'Content-Type': 'application/json' }, csrf),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // csrf.spa() wants the cookie's token, not the page's; and a first request may find none, until this refusal set it.
  // Only a refusal that may be the token's goes again (a stale token is a bare FORBIDDEN), never a passkey check's.
  if (response.status === 403 && !retried) {
    const other = useCookie ? csrfHeaders(false) : csrfHeaders(true);
    if (Object.keys(other).length && JSON.stringify(other) !== JSON.stringify(csrf)) {
      const reason = await response.clone().json().then(p => p && p.reason, () => undefined);
      if (!reason || reason === 'CSRF_TOKEN_INVALID' || reason === 'FORBIDDEN') {
        return request(method, path, body, useCookie ? 'meta' : 'cookie');
      }
    }
  } else if (retried && response.status !== 403) {
    preferCookie = useCookie;
    try { sessionStorage.setItem('passkeys.csrf', useCookie ? 'cookie' : 'meta'); } catch (e) { /* private mode */ }
  }
  const raw = await response.text();
  let json = null;
  try { json = raw ? JSON.parse(raw) : null; } catch (e) { json = null; }
  // An app's own success handler that redirected: fetch followed it to a page; go there.
  if (response.ok && json === null && response.redirected) return { redirectUrl: response.url };
  if (!response.ok) {
    // The user's words from the server (`message`), else ours; the developer's (`detail`) go to the console.
    await texts();
    const problem = json || { status: response.status };
    console.warn('[passkeys]', method, path, response.status, problem.reason || '', problem.detail || '');
    let message = typeof problem.message === 'string' && problem.message ? problem.message
      : text(response.status === 403 ? 'error.refused' : response.status >= 500 || !json ? 'error.unavailable'
        : 'error.generic');
    if (problem.reason === 'CSRF_TOKEN_INVALID' && !Object.keys(csrf).length) {
      // No token on the page at all: reloading will not help the user; the developer must add the meta tags.
      console.error('[passkeys] this page has no CSRF token: add the meta tags named _csrf and _csrf_header,'
        + ' with Spring Security\'s token and header name, to its <head> (README, step 3)');
      message = text('error.setup');
    }
    throw new PasskeyError(message, problem);
  }
  return json;
}
